// The page talks to the same JSON API integrators use, with the session cookie of the form login.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || "HTTP " + status);
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem's per-field errors: [{field, message, line, column, row}]. */
  get errors() {
    return this.problem.errors || [];
  }
}

export async function api(path, { method = "GET", body, headers = {} } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    location.href = "/login.html";
    throw new ApiError(401, { title: "Signed out" });
  }
  const text = await response.text();
  const data = text && (response.headers.get("Content-Type") || "").includes("json") ? JSON.parse(text) : text;
  if (!response.ok) throw new ApiError(response.status, typeof data === "object" ? data : { detail: data });
  return data;
}

export const get = (path) => api(path);
export const post = (path, body, headers) => api(path, { method: "POST", body, headers });
export const put = (path, body) => api(path, { method: "PUT", body });

/** A fresh key per user action: a retried click is not a second run. */
export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
}
