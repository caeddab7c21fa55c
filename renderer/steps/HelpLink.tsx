import { HELP_LINKS, type HelpLinkId } from '../../shared/domain/help-links';

/** A link to Atlassian's own page for what the step asks for (from the one list in shared/domain/help-links.ts). */
export const HelpLink = ({ id, what }: { readonly id: HelpLinkId; readonly what?: string }) => {
  const link = HELP_LINKS[id];
  return (
    <p className="hint help-link" data-help={id}>
      {what !== undefined ? `${what} ` : ''}
      <a href={link.url} target="_blank" rel="noreferrer">
        {link.title}
      </a>
    </p>
  );
};
