import { Window } from 'happy-dom';

// A curator's browser, reduced to what the inbox tests need: sign in, keep the cookie, read a
// page as a browser parses it (so "escaped" means what a browser would do with the bytes), and
// post its forms with the CSRF token the page carries.

export function parseHtml(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export interface Curator {
  cookie: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  page(path: string, headers?: Record<string, string>): Promise<Document>;
  post(path: string, fields: Record<string, string>): Promise<Response>;
  /** Posts the decision form of a correction's page, with that page's CSRF token. */
  decide(id: string, state: string, note: string): Promise<Response>;
}

export function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs in at `base` (http://127.0.0.1:PORT) with a name and a token; throws when refused. */
export async function signIn(base: string, token: string, name = 'Carla Curator'): Promise<Curator> {
  const response = await postForm(`${base}/inbox/login`, { name, token });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 303 || !setCookie) throw new Error(`Sign-in refused: ${response.status}`);
  const cookie = setCookie.split(';')[0]!;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { redirect: 'manual', headers: { Cookie: cookie, ...headers } });
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await get(path, headers);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    return parseHtml(await response.text());
  };
  const post = (path: string, fields: Record<string, string>) => postForm(`${base}${path}`, fields, { Cookie: cookie });
  return {
    cookie,
    get,
    page,
    post,
    async decide(id, state, note) {
      const doc = await page(`/inbox/c/${id}`);
      const form = doc.querySelector(`form[action="/inbox/c/${id}/review"]`);
      const csrf = form?.querySelector<HTMLInputElement>('input[name="csrf"]')?.value ?? '';
      return post(`/inbox/c/${id}/review`, { csrf, state, note });
    },
  };
}
