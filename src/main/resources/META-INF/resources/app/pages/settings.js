// Settings: sending settings (admin edits, everyone reads; values fixed by the environment are shown
// disabled with the variable that sets them), channel status, and users and roles (admin).
import { h, fill, field } from "../dom.js";
import { t, when } from "../i18n.js";
import { get, post, put } from "../api.js";
import { can, showError } from "../session.js";

/** The form's fields: API path (group.field), input type, label key. */
const FIELDS = [
  ["sender", [["from_name", "text"], ["from_address", "email"], ["reply_to", "email"]]],
  ["legal_footer", [["legal_name", "text"], ["postal_address", "text"], ["contact", "text"]]],
  ["frequency_cap", [["max", "number"], ["window", "window"]]],
  ["quiet_hours", [["opens", "time"], ["closes", "time"], ["zone", "text"], ["disabled", "checkbox"]]],
];
const UNITS = { D: 1440, H: 60, M: 1 };

/** "P7D" / "PT12H" / "PT90M" as a number and a unit the form offers (days, hours, minutes). */
function splitWindow(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso || "");
  if (!m) return [iso || "", "H"];
  const minutes = (+(m[1] || 0)) * 1440 + (+(m[2] || 0)) * 60 + (+(m[3] || 0));
  const unit = minutes % 1440 === 0 ? "D" : minutes % 60 === 0 ? "H" : "M";
  return [String(minutes / UNITS[unit]), unit];
}

const joinWindow = (n, unit) => (n === "" ? null : unit === "D" ? `P${n}D` : `PT${n}${unit}`);

export async function render(main) {
  const settings = h("section", { "aria-labelledby": "send-h" }, h("h2", { id: "send-h" }, t("set.sending")), h("p", { class: "muted" }, t("loading")));
  const channels = h("section", { "aria-labelledby": "chan-h", id: "channel-status" }, h("h2", { id: "chan-h" }, t("set.channels")),
    h("p", { class: "muted" }, t("set.checking")));
  const users = can("admin") ? usersSection() : null;
  fill(main, h("h1", {}, t("set.title")), settings, channels, users ? users.section : null);
  await Promise.all([
    drawSettings(settings, await get("/api/v1/settings")),
    users ? users.load() : null,
  ]);
  // The checks connect to servers (seconds when one is down): the rest of the page does not wait.
  drawChannels(channels).catch((e) => showError(channels, e));
}

function drawSettings(section, view) {
  const editable = can("admin");
  const origin = Object.fromEntries(view.origins.map((o) => [o.field, o]));
  const inputs = {};
  const problems = {};
  const groups = FIELDS.map(([group, fields]) => h("fieldset", { class: "settings-group", id: "set-" + group },
    h("legend", {}, t("set." + group)),
    h("div", { class: "row" }, fields.map(([name, type]) => {
      const path = group + "." + name;
      const id = "set-" + path.replace(".", "-");
      const value = view.values[group] ? view.values[group][name] : null;
      const fixed = (origin[path] || {}).fixed;
      const disabled = !editable || fixed;
      problems[path] = h("small", { class: "error", id: id + "-error", "aria-live": "polite" });
      let control;
      if (type === "window") {
        const [n, unit] = splitWindow(value);
        const number = h("input", { id, type: "number", min: 1, value: n, disabled, "aria-describedby": problems[path].id });
        const units = h("select", { "aria-label": t("set.unit"), disabled }, Object.keys(UNITS).map((u) =>
          h("option", { value: u, selected: u === unit }, t("set.unit." + u))));
        inputs[path] = () => joinWindow(number.value.trim(), units.value);
        control = h("span", { class: "window" }, number, " ", units);
      } else if (type === "checkbox") {
        control = h("input", { id, type: "checkbox", checked: !!value, disabled });
        inputs[path] = () => control.checked;
      } else {
        control = h("input", { id, type, value: value ?? "", disabled, "aria-describedby": problems[path].id,
          ...(type === "number" ? { min: 1, max: 100 } : {}) });
        inputs[path] = () => (type === "number" ? (control.value === "" ? null : Number(control.value)) : control.value.trim() || null);
      }
      const f = h("div", { class: "field" + (type === "checkbox" ? " check" : "") + (fixed ? " fixed" : "") },
        h("label", { for: id }, t("set." + path)), control,
        fixed ? h("small", { class: "hint" }, fixedBy(origin[path])) : null, problems[path]);
      return f;
    }))));
  // Only what an admin saved before or changes now is stored: an untouched default stays a default.
  const shown = Object.fromEntries(Object.entries(inputs).map(([path, read]) => [path, read()]));
  const message = h("div", { id: "settings-message", "aria-live": "polite" });
  const save = async (e) => {
    e.preventDefault();
    Object.values(problems).forEach((p) => fill(p));
    const body = {};
    for (const [group, fields] of FIELDS) {
      body[group] = {};
      for (const [name] of fields) {
        const path = group + "." + name;
        const o = origin[path] || {};
        const value = inputs[path]();
        if (!o.fixed && (o.source === "DATABASE" || value !== shown[path])) body[group][name] = value;
      }
    }
    try {
      drawSettings(section, await put("/api/v1/settings", body));
      fill(document.getElementById("settings-message"), h("p", { class: "ok" }, t("set.saved")));
    } catch (err) {
      showError(message, err);
      for (const error of err.errors || []) {
        if (problems[error.field]) fill(problems[error.field], error.message);
      }
    }
  };
  fill(section, h("h2", { id: "send-h" }, t("set.sending")),
    h("p", { class: "muted" }, editable ? t("set.howTo") : t("set.readOnly")),
    view.updated_at ? h("p", { class: "muted" }, t("set.updated", { at: when(view.updated_at), by: view.updated_by })) : null,
    h("form", { id: "settings-form", onsubmit: save }, groups,
      editable ? h("button", { type: "submit", "data-edit": "" }, t("set.save")) : null, message));
}

/** Where a fixed value is set, in words an operator can act on. */
function fixedBy(o) {
  return o.source === "ENVIRONMENT" ? t("set.fixed", { env: o.environment_variable }) : t("set.fixedConfig", { property: o.property });
}

async function drawChannels(section) {
  const { channels } = await get("/api/v1/settings/channels");
  const badge = (s) => h("span", { class: "badge " + ({ OK: "ok", FILE_OUTBOX: "muted" }[s] || "warn") }, t("set.state." + s));
  const quota = (c) => (c.quota_used == null ? "—" : c.quota_limit == null ? String(c.quota_used) : `${c.quota_used} / ${c.quota_limit}`);
  fill(section, h("h2", { id: "chan-h" }, t("set.channels")),
    h("table", {}, h("thead", {}, h("tr", {}, ["set.channel", "set.state", "set.target", "set.detail", "set.quota", "set.pausedUntil"]
      .map((k) => h("th", {}, t(k))))),
    h("tbody", {}, channels.map((c) => h("tr", { "data-channel": c.channel },
      h("td", {}, t("channel." + c.channel)), h("td", {}, badge(c.state)), h("td", {}, c.target),
      h("td", {}, c.paused_reason || (c.state === "FILE_OUTBOX" ? t("set.fileOutbox") : c.detail) || "—"), h("td", {}, quota(c)), h("td", {}, when(c.paused_until)))))),
    h("p", { class: "muted" }, t("set.checkedAt", { at: when(channels[0] && channels[0].checked_at) })));
}

function usersSection() {
  const users = h("div", { id: "users" });
  const load = async () => {
    const list = await get("/api/v1/users");
    fill(users, h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, t("set.username")), h("th", {}, t("set.role")), h("th", {}, t("tpl.at")))),
      h("tbody", {}, list.map((u) => h("tr", {}, h("td", {}, u.username), h("td", {}, t("role." + u.role)), h("td", {}, when(u.created_at)))))));
  };
  const username = h("input", { id: "u-name", required: true, autocomplete: "off" });
  const password = h("input", { id: "u-pass", type: "password", required: true, autocomplete: "new-password", minlength: 10 });
  const role = h("select", { id: "u-role" }, ["viewer", "marketer", "admin"].map((r) => h("option", { value: r }, t("role." + r))));
  const message = h("div", { "aria-live": "polite" });
  const section = h("section", { "aria-labelledby": "users-h" }, h("h2", { id: "users-h" }, t("set.users")), users,
    h("form", { class: "inline", onsubmit: async (e) => {
      e.preventDefault();
      try {
        await post("/api/v1/users", { username: username.value.trim(), password: password.value, role: role.value });
        fill(message, h("p", { class: "ok" }, t("set.added", { u: username.value.trim() })));
        e.target.reset();
        load();
      } catch (err) { showError(message, err); }
    } }, field(t("set.username"), username), field(t("set.password"), password), field(t("set.role"), role),
    h("button", { type: "submit", "data-edit": "" }, t("set.add"))), message);
  return { section, load };
}

/** Channels that need someone's attention (Home): paused by the outbox, or failing their check. */
export async function troubledChannels() {
  const { channels } = await get("/api/v1/settings/channels");
  return channels.filter((c) => c.state === "PAUSED" || c.state === "FAILING");
}
