// The search page: query with suggestions, mode, facet filters, the theme over time, results and exports.
// Its whole state is the URL's query string (the API's own parameters), so back and forward walk searches.

import { getJson, loadLabels } from "./api.js";
import { SearchState } from "./state.js";
import {
  el, errorBox, facetGroups, filterChips, filtersToggle, hitItem, pager, resultsLoader, svg, wentToLastPage,
} from "./ui.js";

// The session is the page's one time dimension (the API's year filter stays, for links and other clients).
const FACETS = ["session", "topic", "speakerType", "kind", "status", "reportKind", "country", "organization"];
/** Suggestions that name a filter's value select it rather than search for their words. */
const SUGGESTED_FILTERS = { topic: "topic", organization: "organization", country: "country" };
const PAGE_SIZE = 10;
const SUGGESTION_DELAY_MS = 150;

// the year filter of a link or a widget's "see all" is kept (and shown as a chip), though not offered as a facet;
// so is a paragraph page's "search this report", which the API reads as the query's report:ID (see apiParams)
const state = new SearchState([...FACETS, "year", "report"], "hybrid");
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const filters = document.getElementById("filters");
let labels;
const load = resultsLoader(document.getElementById("messages"), render, clearResults,
  document.getElementById("results"));

async function start() {
  labels = await loadLabels();
  state.read(location.search);
  await nameReports();
  showState();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    suggestions.close();
    state.q = input.value.trim();
    state.page = 1;
    search({ push: true });
  });
  for (const radio of form.elements.mode) {
    radio.addEventListener("change", () => {
      state.mode = radio.value;
      state.page = 1;
      search({ push: true });
    });
  }
  filtersToggle(document.getElementById("filters-toggle"), filters);
  window.addEventListener("popstate", async () => {
    suggestions.close();
    state.read(location.search);
    await nameReports();
    showState();
    search({ push: false });
  });
  suggestions.attach();
  await search({ push: false });
}

/** Puts the state into the form's fields; a mode the page does not offer is read as the default. */
function showState() {
  input.value = state.q;
  if (![...form.elements.mode].some((radio) => radio.value === state.mode)) state.mode = state.defaultMode;
  for (const radio of form.elements.mode) radio.checked = radio.value === state.mode;
}

/** Runs the state's search and shows it; push records it in the history as a new entry. */
async function search({ push, focusResults = false }) {
  if (push) state.pushHistory();
  document.title = state.q ? `${state.q} — tipsearch` : "tipsearch — UN reports on trafficking in persons";
  const params = apiParams(state.params());
  params.set("size", String(PAGE_SIZE));
  if (await load("/api/search", params) && focusResults) document.getElementById("results").focus();
}

/**
 * The API's parameters for the page's: a report the search is narrowed to is the query's report:ID (the API's
 * field syntax), kept apart in the page's URL so that the box shows only the words typed.
 */
function apiParams(params) {
  const out = new URLSearchParams(params);
  const reports = out.getAll("report");
  out.delete("report");
  if (reports.length) out.set("q", [out.get("q") || "", ...reports.map((id) => `report:${id}`)].join(" ").trim());
  return out;
}

/** The name a chip shows for a report the search is narrowed to: the report in a few words (the list of reports). */
async function nameReports() {
  labels.dimensions.report = "In the report";
  if (!state.selected("report").length || labels.values.report) return;
  const listed = await getJson("/api/documents").catch(() => null);
  if (listed) labels.values.report = Object.fromEntries(listed.documents.map((report) => [report.id, report.brief]));
}

/** Takes the results of an earlier search off the page. */
function clearResults() {
  for (const id of ["hits", "pager", "chips", "summary"]) document.getElementById(id).replaceChildren();
  filters.replaceChildren();
  document.getElementById("timeline").hidden = true;
  document.getElementById("exports").hidden = true;
}

function render(results) {
  if (wentToLastPage(state, results, PAGE_SIZE, () => search({ push: false }))) return;
  facetGroups(filters, results.facets, FACETS, state, labels, (dim, value) => {
    state.toggle(dim, value);
    search({ push: true });
  });
  filterChips(document.getElementById("chips"), state, labels,
    (dim, value) => { state.toggle(dim, value); search({ push: true }); input.focus(); },
    () => { state.clearFilters(); search({ push: true }); input.focus(); });
  const toggle = document.getElementById("filters-toggle");
  const active = [...state.filters.values()].reduce((n, values) => n + values.length, 0);
  toggle.textContent = active ? `Filters (${active})` : "Filters";

  const summary = document.getElementById("summary");
  const one = results.total === 1;
  const counted = `${results.total.toLocaleString("en")} ${one ? "paragraph" : "paragraphs"}`;
  const match = one ? "matches" : "match";
  summary.textContent = state.q ? `${counted} ${match} “${state.q}”${byWordsAndMeaning(results)}`
    : `${counted}${state.hasFilters() ? ` ${match} the filters` : ", in report order"}`;

  if (results.total === 0) document.getElementById("messages").append(emptyAdvice());
  timeline(results.facets.session || []);
  const first = (state.page - 1) * PAGE_SIZE + 1;
  const onTag = (dim, value) => selectFilter(dim, value, { focusResults: true });
  document.getElementById("hits").replaceChildren(...results.hits.map((hit) => hitItem(hit, labels, { onTag })));
  document.getElementById("hits").setAttribute("start", String(first));
  pager(document.getElementById("pager"), state, results.total, PAGE_SIZE, (page) => {
    state.page = page;
    search({ push: true, focusResults: true });
  });

  const exportQuery = apiParams(state.params({ page: false })).toString();
  document.getElementById("exports").hidden = results.total === 0;
  document.getElementById("export-csv").href = `/api/search.csv${exportQuery ? "?" + exportQuery : ""}`;
  document.getElementById("export-json").href = `/api/search.json${exportQuery ? "?" + exportQuery : ""}`;
  const embed = `/embed-code${exportQuery ? "?" + exportQuery : ""}`;
  document.getElementById("embed-this").href = embed;
  document.querySelector(".site-nav a[href^='/embed-code']").href = embed;
}

/** Selects a filter's value (a tag or a suggestion naming it) and searches from the first page. */
function selectFilter(dim, value, { focusResults = false } = {}) {
  if (!state.isSelected(dim, value)) state.toggle(dim, value);
  state.page = 1;
  search({ push: true, focusResults });
}

/** ": 8 contain your words, 43 are related in meaning", where a search by both tells them apart. */
function byWordsAndMeaning(results) {
  if (results.wordMatches === undefined || results.wordMatches === null || results.total === 0 || results.partial) {
    return "";
  }
  const meaning = results.total - results.wordMatches;
  if (meaning === 0) return "";
  const words = results.wordMatches.toLocaleString("en");
  return `: ${words} ${results.wordMatches === 1 ? "contains" : "contain"} your words, `
    + `${meaning.toLocaleString("en")} ${meaning === 1 ? "is" : "are"} related in meaning`;
}

/** What to try when nothing matches: fewer filters, another match mode, other words. */
function emptyAdvice() {
  const action = (text, act) => el("button", { type: "button", class: "link", onclick: act }, text);
  const tips = [];
  if (state.hasFilters()) {
    tips.push(el("li", {}, "fewer filters — ", action("clear all filters", () => {
      state.clearFilters();
      search({ push: true });
    })));
  }
  if (state.q && state.mode !== state.defaultMode) {
    tips.push(el("li", {}, "another way of matching — ", action("match words and meaning", () => {
      state.mode = state.defaultMode;
      state.page = 1;
      showState();
      search({ push: true });
    })));
  }
  if (state.q) {
    tips.push(el("li", {}, "other or fewer words: a theme in two or three words (“victim identification”) finds more"
      + " than a long sentence, and a phrase in quotes only its exact wording"));
  }
  return el("div", { class: "empty-advice" }, el("p", {}, "No paragraph matches. You could try:"), el("ul", {}, tips));
}

/**
 * A bar per session of how many matching paragraphs it has: the theme over time. The counts ignore the
 * session filter itself, so every session stays visible; selecting a bar filters by that session alone. In a
 * search by words and meaning each bar is split: filled, the paragraphs that contain the words; outlined above
 * them, those related in meaning only — a count of a theme's mentions reads the filled part.
 */
function timeline(sessions) {
  const figure = document.getElementById("timeline");
  // the bar chosen by keyboard is rebuilt with the rest: focus goes to its new self
  const focused = figure.contains(document.activeElement) ? document.activeElement.dataset.session : null;
  figure.querySelector("svg")?.remove();
  figure.hidden = sessions.length === 0;
  if (!sessions.length) return;
  const width = 640;
  const height = 170;
  const top = 22;
  const bottom = 36;
  const slot = width / sessions.length;
  const barWidth = Math.min(72, slot * 0.6);
  const max = Math.max(...sessions.map((s) => s.count), 1);
  const split = sessions.some((s) => s.wordMatches !== undefined && s.wordMatches !== null && s.wordMatches < s.count);
  figure.querySelector(".legend").hidden = !split;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "group", "aria-labelledby": "timeline-caption",
  });
  chart.append(svg("line", { class: "axis", x1: 0, x2: width, y1: height - bottom, y2: height - bottom }));
  sessions.forEach((session, i) => {
    const barHeight = Math.max(session.count ? 2 : 0, ((height - top - bottom) * session.count) / max);
    const x = i * slot + (slot - barWidth) / 2;
    const y = height - bottom - barHeight;
    const words = split ? session.wordMatches : session.count;
    const wordsHeight = session.count ? (barHeight * words) / session.count : 0;
    const selected = state.isSelected("session", session.value);
    const name = `${session.value}: ${session.count} matching ${session.count === 1 ? "paragraph" : "paragraphs"}`
      + (split ? ` (${words} ${words === 1 ? "contains" : "contain"} your words, ${session.count - words} related in meaning)` : "");
    const bar = svg("g", {
      class: "bar", role: "button", tabindex: 0, "aria-pressed": selected ? "true" : "false",
      "aria-label": `${name}. ${selected ? "Remove the session filter" : "Filter by this session"}`,
      "data-session": session.value,
    },
    svg("title", {}, name),
    svg("rect", { class: "meaning", x, y, width: barWidth, height: barHeight - wordsHeight, rx: 3 }),
    svg("rect", { class: "words", x, y: y + barHeight - wordsHeight, width: barWidth, height: wordsHeight, rx: 3 }),
    svg("text", { x: x + barWidth / 2, y: y - 6, "text-anchor": "middle" }, String(session.count)),
    svg("text", { x: x + barWidth / 2, y: height - bottom + 16, "text-anchor": "middle" }, shortSession(session.value)));
    const choose = () => {
      const only = state.selected("session").length === 1 && selected;
      state.setFilter("session", only ? [] : [session.value]);
      search({ push: true });
    };
    bar.addEventListener("click", choose);
    bar.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose();
      }
    });
    chart.append(bar);
  });
  figure.append(chart);
  if (focused) chart.querySelector(`.bar[data-session="${CSS.escape(focused)}"]`)?.focus();
}

/** "13th session (2023)" → "13th (2023)", so that many sessions fit under their bars. */
function shortSession(value) {
  return value.replace(" session", "");
}

/** Completions under the search box, as a WAI-ARIA combobox: arrows move, Enter takes one, Escape closes. */
const suggestions = {
  list: document.getElementById("suggestions"),
  items: [],
  active: -1,
  timer: 0,
  asked: 0,

  attach() {
    input.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.fetch(), SUGGESTION_DELAY_MS);
    });
    input.addEventListener("keydown", (event) => this.key(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  },

  async fetch() {
    const prefix = input.value.trim();
    const asked = ++this.asked;
    if (prefix.length < 2) {
      this.close();
      return;
    }
    let answer;
    try {
      answer = await getJson("/api/suggest", { prefix: prefix.slice(0, 100), size: "8" });
    } catch {
      if (asked === this.asked) this.close();
      return;
    }
    if (asked !== this.asked || input.value.trim() !== prefix) return;
    this.show(answer.suggestions);
  },

  show(items) {
    this.items = items;
    this.active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!items.length) {
      this.close();
      return;
    }
    this.list.replaceChildren(...items.map((item, i) => el("li", {
      id: `suggestion-${i}`, role: "option", "aria-selected": "false",
      onmousedown: (event) => { event.preventDefault(); this.choose(i); },
    }, el("span", {}, item.text),
    el("span", { class: "kind" }, SUGGESTED_FILTERS[item.kind] ? `${item.kind} filter` : item.kind))));
    this.list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  },

  /** Hides the list; a suggestion still being asked for is not shown when it comes. */
  close() {
    clearTimeout(this.timer);
    this.asked++;
    this.list.hidden = true;
    this.items = [];
    this.active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  },

  move(step) {
    if (!this.items.length) return;
    this.active = (this.active + step + this.items.length) % this.items.length;
    [...this.list.children].forEach((li, i) => li.setAttribute("aria-selected", i === this.active ? "true" : "false"));
    input.setAttribute("aria-activedescendant", `suggestion-${this.active}`);
    this.list.children[this.active].scrollIntoView({ block: "nearest" });
  },

  /** A filter's value is selected, the words typed for it cleared; a phrase is searched for. */
  choose(i) {
    const item = this.items[i];
    const dim = SUGGESTED_FILTERS[item.kind];
    const value = dim === "topic" ? labels.valueNamed("topic", item.text) : dim ? item.text : null;
    this.close();
    if (!value) {
      input.value = item.text;
      form.requestSubmit();
      return;
    }
    input.value = "";
    state.q = "";
    selectFilter(dim, value);
  },

  key(event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (this.list.hidden) this.fetch();
      else this.move(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      this.move(-1);
    } else if (event.key === "Enter" && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === "Escape" && !this.list.hidden) {
      event.preventDefault();
      this.close();
    }
  },
};

start().catch((error) => {
  document.getElementById("messages").replaceChildren(errorBox(`The page could not start: ${error.message}`));
});
