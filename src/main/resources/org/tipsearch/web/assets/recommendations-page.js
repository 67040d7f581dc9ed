// The recommendations register: a filterable table of adopted and proposed recommendations, the Co-Chairs'
// observations and stakeholders' points, each linking to its paragraph; and the precedent finder, which asks
// POST /api/similar for the closest wording to a draft.

import { loadLabels, paragraphUrl, postJson } from "./api.js";
import { SearchState } from "./state.js";
import {
  CLOSENESS, copyButton, el, errorBox, facetGroups, filterChips, filtersToggle, hitItem, pager, resultsLoader,
  wentToLastPage,
} from "./ui.js";

const FACETS = ["status", "strength", "topic", "session"];
const PAGE_SIZE = 20;
const PRECEDENTS = 8;

const state = new SearchState(FACETS);
const form = document.getElementById("register-form");
const input = document.getElementById("register-q");
const filters = document.getElementById("filters");
let labels;
const loadResults = resultsLoader(document.getElementById("messages"), render, clearResults);

async function start() {
  labels = await loadLabels();
  state.read(location.search);
  input.value = state.q;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = input.value.trim();
    state.page = 1;
    load({ push: true });
  });
  filtersToggle(document.getElementById("filters-toggle"), filters);
  window.addEventListener("popstate", () => {
    state.read(location.search);
    input.value = state.q;
    load({ push: false });
  });
  const precedentsForm = document.getElementById("precedents-form");
  precedentsForm.addEventListener("submit", findPrecedents);
  // the statuses apply to the register's entries alone
  precedentsForm.addEventListener("change", () => {
    document.getElementById("precedent-statuses").disabled = precedentsForm.elements.among.value !== "register";
  });
  await load({ push: false });
}

async function load({ push, focusResults = false }) {
  if (push) state.pushHistory();
  const params = state.params();
  params.set("size", String(PAGE_SIZE));
  if (await loadResults("/api/recommendations", params) && focusResults) {
    document.getElementById("register-results").focus();
  }
}

/** Takes the entries of an earlier search off the page. */
function clearResults() {
  for (const id of ["entries", "pager", "chips", "summary"]) document.getElementById(id).replaceChildren();
  filters.replaceChildren();
  document.getElementById("exports").hidden = true;
}

function render(results) {
  if (wentToLastPage(state, results, PAGE_SIZE, () => load({ push: false }))) return;
  document.title = state.q ? `${state.q} — Recommendations register — tipsearch` : "Recommendations register — tipsearch";
  const reload = () => load({ push: true });
  facetGroups(filters, results.facets, FACETS, state, labels, (dim, value) => { state.toggle(dim, value); reload(); });
  filterChips(document.getElementById("chips"), state, labels,
    (dim, value) => { state.toggle(dim, value); reload(); input.focus(); },
    () => { state.clearFilters(); reload(); input.focus(); });

  const summary = document.getElementById("summary");
  const one = results.total === 1;
  summary.textContent = `${results.total.toLocaleString("en")} ${one ? "entry" : "entries"}${state.q ? ` ${one ? "matches" : "match"} “${state.q}”` : ""}`;
  document.getElementById("entries").replaceChildren(...results.hits.map(row));
  pager(document.getElementById("pager"), state, results.total, PAGE_SIZE, (page) => {
    state.page = page;
    load({ push: true, focusResults: true });
  });
  const query = state.params({ page: false }).toString();
  document.getElementById("exports").hidden = results.total === 0;
  document.getElementById("export-csv").href = `/api/recommendations.csv${query ? "?" + query : ""}`;
  document.getElementById("export-json").href = `/api/recommendations.json${query ? "?" + query : ""}`;
}

/** One entry of the register; cells carry their column name for the stacked layout on a phone. */
function row(entry) {
  const cell = (label, ...content) => el("td", { "data-label": label }, ...content);
  return el("tr", { "data-id": entry.id },
    cell("Entry", el("a", { href: paragraphUrl(entry.paragraphId) }, entry.label)),
    cell("Status", labels.value("status", entry.status)),
    cell("Strength", entry.strength ? labels.value("strength", entry.strength) : "—"),
    cell("Text",
      entry.addressee ? el("p", { class: "hit-meta addressee" }, `Addressed to ${entry.addressee}`) : null,
      el("p", { class: "hit-text", html: entry.highlight }),
      entry.topics.length ? el("ul", { class: "tags", "aria-label": "Topics" },
        entry.topics.map((topic) => el("li", { class: "tag topic" }, labels.value("topic", topic)))) : null,
      el("p", { class: "citation" }, el("cite", {}, entry.citation), copyButton("Copy citation", entry.citation, "Citation"))),
    cell("Session", entry.session || "—"));
}

async function findPrecedents(event) {
  event.preventDefault();
  const formData = new FormData(event.currentTarget);
  const status = document.getElementById("precedents-status");
  const list = document.getElementById("precedents");
  const body = { text: String(formData.get("text")), size: PRECEDENTS };
  // Precedents stand in every kind of unit (a civil-society point, a deliberation): all of them by default; the
  // other scope is the register's entries of the statuses ticked, whatever their kind.
  if (formData.get("among") === "register") {
    body.status = formData.getAll("status").map(String);
    if (!body.status.length) {
      list.replaceChildren();
      status.textContent = "";
      status.append(errorBox("Tick at least one kind of register entry to look among."));
      return;
    }
  }
  status.textContent = "Looking for the closest wording…";
  try {
    // among some register entries, the closest wording of all units too: a user is told when it stands elsewhere
    const [answer, anywhere] = await Promise.all([postJson("/api/similar", body),
      body.status ? postJson("/api/similar", { text: body.text, size: 1 }) : null]);
    const draft = body.text;
    list.replaceChildren(...answer.hits.map((hit) => withComparison(hitItem(hit, labels), hit, draft)));
    const nothingClose = !answer.hits.length || answer.hits[0].closeness === "distant";
    status.textContent = nothingClose
      ? `Nothing close to the draft was found${answer.hits.length ? "; the nearest wording follows, for what it is worth" : ""}.`
      : `The ${answer.hits.length} closest ${answer.hits.length === 1 ? "unit" : "units"} to the draft, each with how close its meaning is.`;
    const elsewhere = anywhere && closerElsewhere(answer.hits[0], anywhere.hits[0]);
    if (elsewhere) status.append(" ", elsewhere);
  } catch (error) {
    list.replaceChildren();
    status.textContent = "";
    status.append(errorBox(error.message));
  }
}

/**
 * Where the closest wording of all units is in a closer band than the closest among the entries chosen: a sentence
 * saying so, with a button that looks among all paragraphs. The bands compare as the API gives them, closest first.
 */
function closerElsewhere(chosen, best) {
  const bands = Object.keys(CLOSENESS);
  if (!best || (chosen && bands.indexOf(best.closeness) >= bands.indexOf(chosen.closeness))) return null;
  const widen = el("button", { type: "button", class: "link", onclick: () => {
    document.querySelector("#precedents-form input[name=among][value='']").click();
    document.getElementById("precedents-form").requestSubmit();
  } }, "look among all paragraphs");
  return el("span", { class: "elsewhere" },
    `Closer wording (${CLOSENESS[best.closeness]}) stands outside the entries chosen: `, widen, ".");
}

/**
 * A precedent with the draft beside it: the draft on one side, the precedent's whole text on the other, its wording
 * closest in meaning to the draft marked (the answer's highlight marks that sentence).
 */
function withComparison(item, hit, draft) {
  const highlight = document.createElement("template");
  highlight.innerHTML = hit.highlight; // the API's highlight: marks, everything else escaped
  const closest = highlight.content.querySelector("mark")?.textContent;
  const at = closest ? hit.text.indexOf(closest) : -1;
  const precedent = at < 0
    ? el("p", {}, hit.text)
    : el("p", {}, hit.text.slice(0, at), el("mark", {}, closest), hit.text.slice(at + closest.length));
  item.append(el("details", { class: "compare" },
    el("summary", {}, "Compare with the draft"),
    el("div", { class: "side-by-side" },
      el("section", { "aria-label": "Your draft" }, el("h4", {}, "Your draft"), el("p", {}, draft)),
      el("section", { "aria-label": hit.shortCitation || hit.label }, el("h4", {}, hit.shortCitation || hit.label), precedent))));
  return item;
}

start().catch((error) => {
  document.getElementById("messages").replaceChildren(errorBox(`The page could not start: ${error.message}`));
});
