/** A step whose main-process capability is not part of this build yet: said plainly, never faked. */
export const NotAvailable = ({ what }: { readonly what: string }) => (
  <div className="not-available" role="note">
    <p>
      <strong>Not available in this build.</strong> {what}
    </p>
  </div>
);
