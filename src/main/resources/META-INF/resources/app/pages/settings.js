// Settings (admin): users and roles. Sending settings come from the environment and are shown as such.
import { h, fill, field } from "../dom.js";
import { t, when } from "../i18n.js";
import { get, post } from "../api.js";
import { showError } from "../session.js";

export async function render(main) {
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
  fill(main, h("h1", {}, t("set.title")),
    h("section", { "aria-labelledby": "users-h" }, h("h2", { id: "users-h" }, t("set.users")), users,
      h("form", { class: "inline", onsubmit: async (e) => {
        e.preventDefault();
        try {
          await post("/api/v1/users", { username: username.value.trim(), password: password.value, role: role.value });
          fill(message, h("p", { class: "ok" }, t("set.added", { u: username.value.trim() })));
          e.target.reset();
          load();
        } catch (err) { showError(message, err); }
      } }, field(t("set.username"), username), field(t("set.password"), password), field(t("set.role"), role),
      h("button", { type: "submit", "data-edit": "" }, t("set.add"))), message),
    h("section", { "aria-labelledby": "env-h" }, h("h2", { id: "env-h" }, t("set.effective")), h("p", {}, t("set.readOnly"))));
  await load();
}
