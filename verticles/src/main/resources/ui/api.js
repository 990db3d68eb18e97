// Calls to the gateway's admin port. The admin token lives in sessionStorage (this tab only) and
// goes with every call as a bearer token; a 401 or 403 surfaces as an AuthError.

const KEY = 'score-gateway.admin-token';

export class AuthError extends Error {
  constructor(status, detail) {
    super(detail || 'status ' + status);
    this.status = status;
  }
}

export function token() {
  return sessionStorage.getItem(KEY);
}

export function setToken(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

async function call(path, accept) {
  const headers = { accept };
  const t = token();
  if (t) headers.authorization = 'Bearer ' + t;
  const res = await fetch(path, { headers, cache: 'no-store', credentials: 'omit' });
  if (res.status === 401 || res.status === 403) {
    throw new AuthError(res.status, await detail(res));
  }
  return res;
}

async function detail(res) {
  try {
    const body = await res.json();
    return body.detail || body.title || '';
  } catch (e) {
    return '';
  }
}

/** An admin API document; fails on any status but 200. */
export async function adminJson(path) {
  const res = await call(path, 'application/json');
  if (res.status !== 200) {
    throw new Error(path + ': ' + res.status + ' ' + (await detail(res)));
  }
  return res.json();
}

/** /health/ready answers 503 with the same document while not ready. */
export async function readiness() {
  const res = await call('/health/ready', 'application/json');
  return res.json();
}

export async function metricsText() {
  const res = await call('/metrics', 'text/plain');
  if (res.status !== 200) throw new Error('/metrics: ' + res.status);
  return res.text();
}
