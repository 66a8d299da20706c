// The shell: header, navigation, language switch, the signed-in user, and a hash router over the pages.
import { h, fill } from "./dom.js";
import { t, language, setLanguage } from "./i18n.js";
import { api, get } from "./api.js";
import { signedIn, user, can, stopPolling, showError } from "./session.js";
import * as home from "./pages/home.js";
import * as templates from "./pages/templates.js";
import * as campaigns from "./pages/campaigns.js";
import * as runs from "./pages/runs.js";
import * as customers from "./pages/customers.js";
import * as settings from "./pages/settings.js";

/** Routes: pattern → page; ":x" segments become params. The first match wins. */
const ROUTES = [
  ["", home.render], ["templates", templates.list], ["templates/:name/:channel", templates.editor],
  ["campaigns", campaigns.list], ["campaigns/new", campaigns.form], ["campaigns/:id/edit", campaigns.form],
  ["campaigns/:id", campaigns.detail], ["runs", runs.list], ["runs/:id", runs.detail],
  ["runs/:id/deliveries/:delivery", runs.delivery], ["customers", customers.search],
  ["customers/:id", customers.detail], ["settings", settings.render],
];

const NAV = [["", "nav.home"], ["templates", "nav.templates"], ["campaigns", "nav.campaigns"], ["runs", "nav.runs"],
  ["customers", "nav.customers"], ["settings", "nav.settings"]];


function match(path) {
  const parts = path.split("/").filter(Boolean);
  for (const [pattern, page] of ROUTES) {
    const want = pattern.split("/").filter(Boolean);
    if (want.length !== parts.length) continue;
    const params = {};
    if (want.every((w, i) => (w.startsWith(":") ? (params[w.slice(1)] = decodeURIComponent(parts[i]), true) : w === parts[i]))) {
      return { page, params };
    }
  }
  return null;
}

function header(path) {
  const section = path.split("/").filter(Boolean)[0] || "";
  const lang = h("select", { id: "lang", onchange: (e) => { setLanguage(e.target.value); route(); } },
    h("option", { value: "ja", selected: language() === "ja" }, "日本語"),
    h("option", { value: "en", selected: language() === "en" }, "English"));
  return [
    h("a", { class: "skip", href: "#main" , onclick: (e) => { e.preventDefault(); document.getElementById("main").focus(); } }, t("app.skip")),
    h("div", { class: "brand" }, h("a", { href: "#/" }, h("span", { "aria-hidden": "true" }, "暦"), " Koyomi")),
    h("nav", { "aria-label": t("nav.main") }, h("ul", {}, NAV.filter(([, , role]) => !role || can(role)).map(([to, key]) =>
      h("li", {}, h("a", { href: "#/" + to, "aria-current": section === to ? "page" : null }, t(key)))))),
    h("div", { class: "user" },
      h("label", { for: "lang", class: "lang" }, t("lang.label")), lang,
      h("span", { id: "who" }, user().username, " (", t("role." + user().role), ")"),
      h("button", { type: "button", id: "signout", onclick: signOut }, t("signout"))),
  ];
}

async function signOut() {
  await api("/api/v1/session/logout", { method: "POST" }).catch(() => {});
  location.href = "/login.html";
}

async function route() {
  stopPolling();
  const path = location.hash.replace(/^#\/?/, "");
  document.documentElement.lang = language();
  fill(document.getElementById("top"), header(path));
  // Each visit draws into its own element: a slow page answering after the user moved on
  // fills an element no longer on screen instead of overwriting the page they went to.
  const view = h("div", {}, h("p", { class: "muted" }, t("loading")));
  fill(document.getElementById("main"), view);
  const found = match(path);
  if (!found) return fill(view, h("p", { class: "error" }, t("error.notfound")));
  try {
    await found.page(view, found.params);
  } catch (e) {
    showError(view, e);
  }
}

async function start() {
  try {
    signedIn(await get("/api/v1/users/me"));
  } catch (e) {
    return; // 401 has sent the browser to the login page
  }
  window.addEventListener("hashchange", route);
  route();
}

start();
