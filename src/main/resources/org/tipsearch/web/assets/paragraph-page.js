// A paragraph's page: the unit in its context (the units before and after, its section path and footnotes),
// its report, the citation and a permalink, and the closest wording in other sessions.

import { getJson, loadLabels, paragraphUrl } from "./api.js";
import { copyButton, el, errorBox, hitItem } from "./ui.js";

const SIMILAR = 5;

/** "report/unit" from /p/report/unit. */
function idFromPath() {
  return location.pathname.replace(/^\/p\//, "").split("/").map(decodeURIComponent).join("/");
}

/** The search page narrowed to a report: with no words, every unit of it in reading order. */
function reportSearchUrl(report) {
  return `/?report=${encodeURIComponent(report.id)}`;
}

function apiPath(id) {
  return "/api/paragraphs/" + id.split("/").map(encodeURIComponent).join("/");
}

async function start() {
  const id = idFromPath();
  const [labels, unit] = await Promise.all([loadLabels(), getJson(apiPath(id))]);
  document.title = `${unit.label} — ${unit.document.session || unit.document.title} — tipsearch`;
  showUnit(unit, labels);
  showReport(unit.document, labels);
  await Promise.all([
    showNeighbour(unit.previous, "before", "Before"),
    showNeighbour(unit.next, "after", "After"),
    showSimilar(id, labels),
  ]);
}

function showUnit(unit, labels) {
  const report = unit.document;
  document.getElementById("breadcrumbs").replaceChildren(
    el("li", {}, el("a", { href: "/" }, "Search")),
    el("li", {}, el("a", { href: reportSearchUrl(report), title: report.title }, report.brief)),
    ...(unit.sectionPath || []).map((heading) => el("li", { title: heading }, heading)));
  document.getElementById("breadcrumbs").lastChild.setAttribute("aria-current", "location");
  document.getElementById("title").textContent = [unit.label, report.session].filter(Boolean).join(" — ");

  const tags = [];
  if (unit.status) tags.push(el("li", { class: "tag status" }, labels.value("status", unit.status)));
  for (const topic of unit.topics) tags.push(el("li", { class: "tag topic" }, labels.value("topic", topic)));
  for (const type of unit.speakerTypes) tags.push(el("li", { class: "tag speaker" }, labels.value("speakerType", type)));
  // a speaker is often also a mentioned organization: each name once
  const mentions = [...new Set([...unit.speakers, ...unit.countries, ...unit.organizations])];
  const parts = [
    el("p", { class: "text" }, unit.text),
    tags.length ? el("ul", { class: "tags", "aria-label": "Status, topics and speakers" }, tags) : null,
    mentions.length ? el("p", { class: "hit-meta" }, `Mentions: ${mentions.join(", ")}`) : null,
    unit.footnotes.length ? el("ol", { class: "footnotes", "aria-label": "Footnotes" },
      unit.footnotes.map((note) => el("li", { value: Number.parseInt(note.marker, 10) || null }, note.text))) : null,
  ];
  document.getElementById("unit").replaceChildren(...parts.filter(Boolean));

  document.getElementById("citation").textContent = unit.citation;
  document.getElementById("copy-citation").replaceChildren(copyButton("Copy citation", unit.citation, "Citation"));
  const permalink = new URL(paragraphUrl(unit.id), location.origin).href;
  document.getElementById("permalink").value = permalink;
  document.getElementById("copy-permalink").replaceChildren(copyButton("Copy link", permalink, "Link"));
}

function showReport(report, labels) {
  const rows = [
    ["Title", report.title],
    ["Kind", labels.value("reportKind", report.kind)],
    ["Body", report.body],
    ["Session", report.session],
    ["Date", report.dates],
    ["Symbol", report.symbol],
  ].filter(([, value]) => value);
  document.getElementById("report").replaceChildren(...rows.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]));
  document.getElementById("report-search").href = reportSearchUrl(report);
}

/** The unit before or after, shortened, linking to its own page. */
async function showNeighbour(id, where, heading) {
  if (!id) return;
  const unit = await getJson(apiPath(id));
  const text = unit.text.length > 400 ? `${unit.text.slice(0, 400).replace(/\s+\S*$/, "")} …` : unit.text;
  document.getElementById(where).append(el("div", { class: "neighbour" },
    el("span", {}, `${heading}: `, el("a", { href: paragraphUrl(id), rel: where === "before" ? "prev" : "next" }, unit.label)),
    el("p", {}, text)));
}

async function showSimilar(id, labels) {
  const status = document.getElementById("similar-status");
  const similar = await getJson(`${apiPath(id)}/similar`, { size: String(SIMILAR), exclude: "session" });
  document.getElementById("similar").replaceChildren(...similar.hits.map((hit) => hitItem(hit, labels)));
  status.textContent = similar.hits.length ? "" : "No similar paragraphs in other sessions.";
}

start().catch((error) => {
  document.getElementById("messages").replaceChildren(errorBox(error.message));
});
