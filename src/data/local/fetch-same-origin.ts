// The one way the local source fetches a published file named in the URL (`?dataset=`,
// `&points=`, `&list=`): a same-origin path only, and a failed response is an error that names it.

/** `what` names the parameter in the error, e.g. "dataset must be a same-origin path" */
export async function fetchSameOrigin(url: string, what: string): Promise<Response> {
  if (!url.startsWith('/') || url.startsWith('//')) throw new Error(`${what} must be a same-origin path`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url}: ${res.status}`);
  return res;
}
