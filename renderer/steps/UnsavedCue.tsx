/** The "unsaved changes" cue beside a form's commit button: which fields, and what the button does with them. */
export const UnsavedCue = ({ id, fields, then }: { readonly id: string; readonly fields: readonly string[]; readonly then: string }) =>
  fields.length === 0 ? null : (
    <p id={id} className="unsaved-cue" data-unsaved={fields.join(',')}>
      <strong>Unsaved changes:</strong> {fields.join(', ')}. {then}
    </p>
  );
