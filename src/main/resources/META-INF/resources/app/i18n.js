// Two dictionaries and one lookup. Japanese is the default; English when the browser prefers it or the user switches.

const ja = {
  "app.skip": "本文へ移動", "nav.home": "ホーム", "nav.templates": "テンプレート", "nav.campaigns": "キャンペーン",
  "nav.runs": "配信実行", "nav.customers": "顧客", "nav.settings": "設定", "nav.main": "メインメニュー",
  "lang.label": "言語", "signout": "ログアウト", "loading": "読み込み中…", "none": "ありません", "error.generic": "エラーが発生しました",
  "error.forbidden": "この操作の権限がありません", "error.notfound": "見つかりません", "more": "さらに表示",
  "role.admin": "管理者", "role.marketer": "マーケター", "role.viewer": "閲覧者",
  "channel.EMAIL": "メール", "channel.LINE": "LINE", "channel.POSTAL": "郵送DM", "channel.PARTIAL": "部品",
  "status.DRAFT": "下書き", "status.ACTIVE": "有効", "status.PAUSED": "一時停止", "status.ARCHIVED": "アーカイブ",
  "status.PENDING": "待機中", "status.RUNNING": "実行中", "status.COMPLETED": "完了", "status.CANCELLED": "中止",
  "status.FAILED": "失敗", "status.MISSED": "見送り", "status.SENT": "送信済み", "status.SKIPPED": "保留",
  "outcome.SENT_TO_OUTBOX": "配信対象", "outcome.SKIPPED": "対象外", "outcome.HOLDOUT": "ホールドアウト",
  "reason.OUT_OF_WINDOW": "配信期間外です", "reason.NOT_IN_AUDIENCE": "対象地域・気候帯の外です",
  "reason.NO_TOPIC_MATCH": "購読中のトピックに合う内容がありません", "reason.NO_EXPIRING_POINTS": "まもなく失効するポイントがありません",
  "reason.UNKNOWN_SIZE": "サイズが分かりません", "reason.NO_SIZE_IN_STOCK": "お客様のサイズが在庫切れです",
  "reason.RECENTLY_OFFERED": "最近同じ商品をご案内済みです", "reason.NOT_ENOUGH_RELEVANT_ITEMS": "おすすめできる商品が足りません",
  "reason.NO_RELEVANT_CONTENT": "お届けする内容がありません", "reason.NO_CONSENTED_CHANNEL": "同意済みの配信チャネルがありません",
  "reason.CAPPED": "配信回数の上限に達しています", "reason.HOLDOUT": "効果測定用に配信を控えるグループです",
  "approved": "承認済み", "unapproved": "承認待ち", "yes": "はい", "no": "いいえ",
  "home.title": "ホーム", "home.calendar": "今後2週間の配信予定", "home.runs": "実行中・最近の配信", "home.attention": "要対応",
  "home.awaiting": "承認待ちのキャンペーン", "home.postal": "郵送DMファイルを作成できる配信", "home.failing": "失敗した配信がある実行",
  "tpl.title": "テンプレート", "tpl.name": "名前", "tpl.channel": "チャネル", "tpl.version": "版", "tpl.by": "作成者",
  "tpl.at": "作成日時", "tpl.open": "編集", "tpl.view": "表示", "tpl.source": "ソース", "tpl.preview": "プレビュー",
  "tpl.customer": "プレビューする顧客（名前またはID）", "tpl.sample": "サンプル顧客", "tpl.previewFor": "プレビュー対象", "tpl.save": "新しい版として保存",
  "tpl.saved": "版 {v} として保存しました", "tpl.subject": "件名", "tpl.html": "HTML本文", "tpl.text": "テキスト本文",
  "tpl.messages": "LINEメッセージ（複数なら --- だけの行で区切る）", "tpl.fields": "郵送DMの項目（JSON）",
  "tpl.history": "版の履歴", "tpl.diff": "前の版との差分", "tpl.usedBy": "この版を使うキャンペーン", "tpl.notUsed": "使用中のキャンペーンはありません",
  "tpl.problems": "テンプレートの問題", "tpl.line": "{part} {line}行目 {column}列目: {message}", "tpl.ok": "問題はありません", "tpl.notSaved": "保存していません: 問題が {n} 件あります",
  "tpl.email": "メール", "tpl.htmlView": "HTML", "tpl.textView": "テキスト", "tpl.compare": "比較する版",
  "camp.title": "キャンペーン", "camp.new": "新しいキャンペーン", "camp.name": "キャンペーン名", "camp.status": "状態",
  "camp.next": "次回の配信", "camp.approval": "承認", "camp.cadence": "配信スケジュール", "camp.type": "種類",
  "camp.weekly": "毎週", "camp.monthly": "毎月", "camp.seasonal": "季節（期間内の毎週）", "camp.cron": "cron式",
  "camp.days": "曜日", "camp.dayOfMonth": "日", "camp.at": "時刻", "camp.from": "開始（月-日）", "camp.to": "終了（月-日）",
  "camp.cronExpr": "cron式", "camp.zone": "タイムゾーン", "camp.audience": "対象", "camp.zones": "気候帯",
  "camp.regions": "地方", "camp.prefectures": "都道府県", "camp.exclude": "除外する都道府県", "camp.content": "内容のルール",
  "camp.sources": "商品の選び方", "camp.categories": "カテゴリー（カンマ区切り、空欄はすべて）", "camp.min_stock": "お客様のサイズの必要在庫数",
  "camp.noRepeat": "同じ商品を再度案内しない日数", "camp.min_items": "最少商品数", "camp.max_items": "最多商品数",
  "camp.in_season": "季節に合う商品だけ", "camp.matchClimate": "お客様の気候に合う商品だけ", "camp.channels": "チャネルと順序",
  "camp.order": "試す順序（優先チャネルの次）", "camp.template": "{channel}のテンプレート版", "camp.holdout": "ホールドアウト（%）",
  "camp.save": "保存", "camp.create": "作成", "camp.saved": "保存しました。管理者の承認が必要です。", "camp.approve": "承認する",
  "camp.approvedBy": "{by} が承認（版 {rev}）", "camp.dryRun": "ドライラン", "camp.runNow": "今すぐ配信",
  "camp.dryResult": "ドライランの結果（{n} 人）", "camp.byOutcome": "結果別", "camp.byReason": "対象外の理由別",
  "camp.byChannel": "チャネル別", "camp.sample": "サンプル", "camp.filter": "サンプルを絞り込む", "camp.explain": "この顧客について説明",
  "camp.explainId": "顧客ID", "camp.explainGo": "説明する", "camp.willGet": "{who} さんには {channel} で届きます。",
  "camp.wontGet": "{who} さんには届きません。理由: {reason}", "camp.edit": "編集", "camp.revision": "改訂 {rev}",
  "camp.started": "配信を開始しました", "camp.preview": "内容", "camp.customer": "顧客", "camp.outcome": "結果",
  "camp.reason": "理由", "camp.activate": "有効にする", "camp.pause": "一時停止",
  "src.LAST_CHANCE": "販売終了間近（購入者へ）", "src.MARKDOWN": "値下げ・過剰在庫", "src.NEW_ARRIVALS": "新着（よく買うカテゴリー）",
  "src.REPURCHASE": "買い替え時期", "src.BROWSE": "閲覧",
  "zone.COLD": "寒冷", "zone.TEMPERATE": "温暖", "zone.WARM": "亜熱帯",
  "run.title": "配信実行", "run.campaign": "キャンペーン", "run.kind": "種別", "run.status": "状態", "run.when": "予定日時",
  "run.decided": "判定済み", "run.progress": "進捗", "run.rate": "{rate} 人/秒", "run.eta": "残り約 {s} 秒",
  "run.deliveries": "配信", "run.filterStatus": "状態で絞り込む", "run.all": "すべて", "run.attempts": "試行回数",
  "run.lastError": "最後のエラー", "run.sentAt": "送信日時", "run.customer": "顧客", "run.channel": "チャネル",
  "run.cancel": "中止する", "run.postal": "郵送DMファイル", "run.export": "郵送DMファイルを作成", "run.download": "ダウンロード",
  "run.rows": "{rows} 行、保留 {held} 行", "run.heldBack": "保留された行", "run.byStatus": "配信状態別", "run.delivery": "配信 #{id}",
  "run.nextAttempt": "次の試行", "run.created": "作成日時", "run.kind.SCHEDULED": "定期", "run.kind.MANUAL": "手動",
  "cust.title": "顧客", "cust.search": "名前（漢字・かな）、メール、顧客IDで検索", "cust.go": "検索", "cust.name": "氏名",
  "cust.kana": "フリガナ", "cust.email": "メール", "cust.pref": "都道府県", "cust.consents": "配信の同意",
  "cust.consentHistory": "同意の履歴", "cust.granted": "同意", "cust.withdrawn": "撤回", "cust.never": "未同意", "cust.source": "経路", "cust.topics": "購読トピック",
  "cust.sizes": "カテゴリー別サイズ", "cust.points": "ポイント", "cust.expires": "{date} 失効", "cust.messages": "受け取ったメッセージ",
  "cust.offers": "案内した商品", "cust.when": "日時", "cust.item": "商品", "cust.preferred": "希望チャネル",
  "set.title": "設定", "set.users": "ユーザーと権限", "set.username": "ユーザー名", "set.password": "パスワード（10文字以上）",
  "set.role": "権限", "set.add": "ユーザーを追加", "set.added": "{u} を追加しました",
  "set.effective": "送信設定（環境変数の値、読み取り専用）",
  "set.readOnly": "送信者・法定表記・配信上限・配信停止時間帯は環境変数で設定します（docs/configuration.md）。画面からの編集は今後対応します。",
  "set.channels": "チャネル", "field.required": "入力してください",
};

const en = {
  "app.skip": "Skip to content", "nav.home": "Home", "nav.templates": "Templates", "nav.campaigns": "Campaigns",
  "nav.runs": "Runs", "nav.customers": "Customers", "nav.settings": "Settings", "nav.main": "Main menu",
  "lang.label": "Language", "signout": "Sign out", "loading": "Loading…", "none": "None", "error.generic": "Something went wrong",
  "error.forbidden": "You may not do this", "error.notfound": "Not found", "more": "Show more",
  "role.admin": "admin", "role.marketer": "marketer", "role.viewer": "viewer",
  "channel.EMAIL": "Email", "channel.LINE": "LINE", "channel.POSTAL": "Postal DM", "channel.PARTIAL": "Partial",
  "status.DRAFT": "Draft", "status.ACTIVE": "Active", "status.PAUSED": "Paused", "status.ARCHIVED": "Archived",
  "status.PENDING": "Pending", "status.RUNNING": "Running", "status.COMPLETED": "Completed", "status.CANCELLED": "Cancelled",
  "status.FAILED": "Failed", "status.MISSED": "Missed", "status.SENT": "Sent", "status.SKIPPED": "Skipped",
  "outcome.SENT_TO_OUTBOX": "To send", "outcome.SKIPPED": "Skipped", "outcome.HOLDOUT": "Holdout",
  "reason.OUT_OF_WINDOW": "outside the campaign's dates", "reason.NOT_IN_AUDIENCE": "not in the targeted area or climate zone",
  "reason.NO_TOPIC_MATCH": "no block for the topics they follow", "reason.NO_EXPIRING_POINTS": "no points expiring soon",
  "reason.UNKNOWN_SIZE": "their size is unknown", "reason.NO_SIZE_IN_STOCK": "their size is sold out",
  "reason.RECENTLY_OFFERED": "offered the same items recently", "reason.NOT_ENOUGH_RELEVANT_ITEMS": "too few relevant items",
  "reason.NO_RELEVANT_CONTENT": "nothing relevant to say", "reason.NO_CONSENTED_CHANNEL": "no consented channel",
  "reason.CAPPED": "reached the message cap", "reason.HOLDOUT": "in the holdout group",
  "approved": "Approved", "unapproved": "Awaiting approval", "yes": "yes", "no": "no",
  "home.title": "Home", "home.calendar": "The next two weeks", "home.runs": "Running and recent runs", "home.attention": "Needs attention",
  "home.awaiting": "Campaigns awaiting approval", "home.postal": "Runs with a postal file to make", "home.failing": "Runs with failing deliveries",
  "tpl.title": "Templates", "tpl.name": "Name", "tpl.channel": "Channel", "tpl.version": "Version", "tpl.by": "By",
  "tpl.at": "Created", "tpl.open": "Edit", "tpl.view": "View", "tpl.source": "Source", "tpl.preview": "Preview",
  "tpl.customer": "Preview for customer (name or id)", "tpl.sample": "Sample customer", "tpl.previewFor": "Preview for", "tpl.save": "Save as new version",
  "tpl.saved": "Saved as version {v}", "tpl.subject": "Subject", "tpl.html": "HTML body", "tpl.text": "Text body",
  "tpl.messages": "LINE messages (separated by a line ---)", "tpl.fields": "Postal fields (JSON)",
  "tpl.history": "Version history", "tpl.diff": "Changes from the previous version", "tpl.usedBy": "Campaigns using this version", "tpl.notUsed": "No campaign uses it",
  "tpl.problems": "Template problems", "tpl.line": "{part} line {line}, column {column}: {message}", "tpl.ok": "No problems", "tpl.notSaved": "Not saved: {n} problem(s)",
  "tpl.email": "Email", "tpl.htmlView": "HTML", "tpl.textView": "Text", "tpl.compare": "Compare version",
  "camp.title": "Campaigns", "camp.new": "New campaign", "camp.name": "Campaign name", "camp.status": "Status",
  "camp.next": "Next occurrences", "camp.approval": "Approval", "camp.cadence": "Cadence", "camp.type": "Type",
  "camp.weekly": "Weekly", "camp.monthly": "Monthly", "camp.seasonal": "Seasonal (weekly within dates)", "camp.cron": "Cron",
  "camp.days": "Days", "camp.dayOfMonth": "Day", "camp.at": "Time", "camp.from": "From (MM-DD)", "camp.to": "To (MM-DD)",
  "camp.cronExpr": "Cron expression", "camp.zone": "Time zone", "camp.audience": "Audience", "camp.zones": "Climate zones",
  "camp.regions": "Regions", "camp.prefectures": "Prefectures", "camp.exclude": "Excluded prefectures", "camp.content": "Content rules",
  "camp.sources": "Item sources", "camp.categories": "Categories (comma separated, empty for all)", "camp.min_stock": "Stock needed in the customer's size",
  "camp.noRepeat": "Do not repeat items within days", "camp.min_items": "Minimum items", "camp.max_items": "Maximum items",
  "camp.in_season": "Only items in season", "camp.matchClimate": "Only items for the customer's climate", "camp.channels": "Channels and order",
  "camp.order": "Order tried after the customer's preference", "camp.template": "{channel} template version", "camp.holdout": "Holdout (%)",
  "camp.save": "Save", "camp.create": "Create", "camp.saved": "Saved. An admin must approve it.", "camp.approve": "Approve",
  "camp.approvedBy": "Approved by {by} (revision {rev})", "camp.dryRun": "Dry run", "camp.runNow": "Run now",
  "camp.dryResult": "Dry run ({n} customers)", "camp.byOutcome": "By outcome", "camp.byReason": "By skip reason",
  "camp.byChannel": "By channel", "camp.sample": "Sample", "camp.filter": "Filter the sample", "camp.explain": "Explain this customer",
  "camp.explainId": "Customer id", "camp.explainGo": "Explain", "camp.willGet": "{who} gets it by {channel}.",
  "camp.wontGet": "{who} does not get it: {reason}", "camp.edit": "Edit", "camp.revision": "Revision {rev}",
  "camp.started": "Run started", "camp.preview": "Content", "camp.customer": "Customer", "camp.outcome": "Outcome",
  "camp.reason": "Reason", "camp.activate": "Activate", "camp.pause": "Pause",
  "src.LAST_CHANCE": "Last chance (to buyers)", "src.MARKDOWN": "Markdown / overstock", "src.NEW_ARRIVALS": "New arrivals (top categories)",
  "src.REPURCHASE": "Repurchase", "src.BROWSE": "Browse",
  "zone.COLD": "Cold", "zone.TEMPERATE": "Temperate", "zone.WARM": "Warm",
  "run.title": "Runs", "run.campaign": "Campaign", "run.kind": "Kind", "run.status": "Status", "run.when": "Occurrence",
  "run.decided": "Decided", "run.progress": "Progress", "run.rate": "{rate} customers/s", "run.eta": "about {s} s left",
  "run.deliveries": "Deliveries", "run.filterStatus": "Filter by status", "run.all": "All", "run.attempts": "Attempts",
  "run.lastError": "Last error", "run.sentAt": "Sent", "run.customer": "Customer", "run.channel": "Channel",
  "run.cancel": "Cancel", "run.postal": "Postal DM file", "run.export": "Make the postal DM file", "run.download": "Download",
  "run.rows": "{rows} rows, {held} held back", "run.heldBack": "Held-back rows", "run.byStatus": "By delivery status", "run.delivery": "Delivery #{id}",
  "run.nextAttempt": "Next attempt", "run.created": "Created", "run.kind.SCHEDULED": "Scheduled", "run.kind.MANUAL": "Manual",
  "cust.title": "Customers", "cust.search": "Search by name (kanji or kana), email or customer id", "cust.go": "Search", "cust.name": "Name",
  "cust.kana": "Kana", "cust.email": "Email", "cust.pref": "Prefecture", "cust.consents": "Consents",
  "cust.consentHistory": "Consent history", "cust.granted": "granted", "cust.withdrawn": "withdrawn", "cust.never": "not given", "cust.source": "Source", "cust.topics": "Topics",
  "cust.sizes": "Sizes by category", "cust.points": "Points", "cust.expires": "expire {date}", "cust.messages": "Messages they got",
  "cust.offers": "Items offered", "cust.when": "When", "cust.item": "Item", "cust.preferred": "Preferred channel",
  "set.title": "Settings", "set.users": "Users and roles", "set.username": "User name", "set.password": "Password (10+ characters)",
  "set.role": "Role", "set.add": "Add user", "set.added": "Added {u}",
  "set.effective": "Sending settings (from the environment, read only)",
  "set.readOnly": "Sender, legal footer, cap and quiet hours are set by environment variables (docs/configuration.md); editing them here is a follow-up.",
  "set.channels": "Channels", "field.required": "Required",
};

const dictionaries = { ja, en };
const STORAGE = "koyomi.lang";

/** The chosen language: the saved switch, else English only when the browser prefers it, else Japanese. */
export function language() {
  const saved = localStorage.getItem(STORAGE);
  if (saved && dictionaries[saved]) return saved;
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || "ja";
  return preferred.toLowerCase().startsWith("en") ? "en" : "ja";
}

export function setLanguage(lang) {
  localStorage.setItem(STORAGE, lang);
  document.documentElement.lang = lang;
}

/** t("camp.willGet", {who: "…"}): the message in the current language, placeholders filled. */
export function t(key, params) {
  const lang = language();
  let text = dictionaries[lang][key] ?? ja[key] ?? key;
  for (const [name, value] of Object.entries(params || {})) text = text.replaceAll("{" + name + "}", value);
  return text;
}

/** A date and time in the user's language, in Japan time (the brand's time zone). */
export function when(iso) {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(language() === "ja" ? "ja-JP" : "en-GB",
    { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}
