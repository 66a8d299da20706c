// What every page shares: who is signed in, polling that stops on navigation, errors shown in place.
import { h, fill } from "./dom.js";
import { t } from "./i18n.js";
import { ApiError } from "./api.js";

const RANK = { viewer: 1, marketer: 2, admin: 3 };
let me = { username: "", role: "viewer" };
let stops = [];

export function signedIn(user) {
  me = user;
}

export function user() {
  return me;
}

/** Whether the signed-in user has at least this role: viewers get no edit controls at all. */
export function can(role) {
  return RANK[me.role] >= RANK[role];
}

/**
 * Re-runs fn every ms while el is on screen: the router stops it on navigation, and a page that
 * finishes loading after the user moved on never starts one.
 */
export function poll(fn, ms, el) {
  const timer = setInterval(() => (el.isConnected ? fn() : clearInterval(timer)), ms);
  stops.push(() => clearInterval(timer));
}

export function stopPolling() {
  stops.forEach((stop) => stop());
  stops = [];
}

/** An error next to what caused it, in the user's language. */
export function showError(where, error) {
  const text = error instanceof ApiError && error.status === 403 ? t("error.forbidden")
    : error instanceof ApiError && error.status === 404 ? t("error.notfound")
    : error instanceof ApiError ? [error.message, ...error.errors.map((e) => (e.field ? e.field + ": " : "") + e.message)].join(" — ")
    : t("error.generic");
  fill(where, h("p", { class: "error", role: "alert" }, text));
}
