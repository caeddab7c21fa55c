import { carriesUserinfo, USERINFO_REFUSED } from '../../shared/domain/url-userinfo';

/** Whether the URL typed so far may be saved at all: a URL with user info never is. */
export const userinfoBlocks = (url: string): boolean => carriesUserinfo(url.trim());

/** Next to a URL field: the refusal of a URL with user info, before the save sends it anywhere. */
export const UserinfoRefusal = ({ id, url }: { readonly id: string; readonly url: string }) =>
  userinfoBlocks(url) ? (
    <p id={id} className="hint field-error" role="alert" data-refused="userinfo">
      {USERINFO_REFUSED} <code>userinfo</code>
    </p>
  ) : null;
