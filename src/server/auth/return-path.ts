// Where someone goes after signing in (or after being sent to sign in from a form): only ever a
// page of the editor, never an open redirect. No framework imports, so it is unit-tested.

const EDITOR = "/editor";
const SIGN_IN = "/editor/sign-in";

const within = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/**
 * The path and query of `raw` (a path, or a full URL from a referer or a callbackUrl parameter)
 * if it is an editor page other than sign-in; otherwise `fallback`. Only the path and query are
 * kept, so an address on another site can only ever lead to this site's own editor.
 */
export function editorReturnPath(raw: string | null | undefined, fallback = EDITOR): string {
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, "http://return-path.invalid");
  } catch {
    return fallback;
  }
  return within(url.pathname, EDITOR) && !within(url.pathname, SIGN_IN) ? `${url.pathname}${url.search}` : fallback;
}
