// Page components shared by the search page, the paragraph page and the recommendations browser.
// Text goes into the DOM as text; only the API's highlights, which it HTML-escapes, go in as HTML.

import { ApiError, getJson, paragraphUrl } from "./api.js";

/** An element with attributes (on* are listeners, html is trusted markup) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttributes(node, attributes);
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "html") node.innerHTML = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
}

/** Says something to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  setTimeout(() => { region.textContent = message; }, 50);
}

/** Puts text on the clipboard; the fallback serves pages opened over plain HTTP on another host. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = el("textarea", { class: "visually-hidden", readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

/** A button that copies a text and says so. */
export function copyButton(label, text, what) {
  const button = el("button", { type: "button", class: "copy secondary" }, label);
  button.addEventListener("click", async () => {
    try {
      await copyText(text);
      button.textContent = "Copied";
      announce(`${what} copied to the clipboard`);
    } catch {
      button.textContent = "Copy failed";
    }
    setTimeout(() => { button.textContent = label; }, 2000);
  });
  return button;
}

export function errorBox(message) {
  return el("div", { class: "error", role: "alert" }, message);
}

/**
 * A function that asks an endpoint and shows the answer with render(results): the API's notice and errors go
 * into the messages box, and an answer that arrives after a newer request was made is dropped. On an error,
 * clear() takes the previous results off the page, so that they do not stand under a search they do not answer.
 * It resolves to whether it rendered.
 */
export function resultsLoader(messages, render, clear, busy = null) {
  let latest = 0;
  return async (path, params) => {
    const request = ++latest;
    // while a search runs, the results it will replace are marked as such and a status line says so
    busy?.setAttribute("aria-busy", "true");
    messages.replaceChildren(el("p", { class: "loading", role: "status" }, "Searching…"));
    try {
      const results = await getJson(path, params);
      if (request !== latest) return false;
      messages.replaceChildren();
      if (results.notice) messages.append(el("p", { class: "notice" }, results.notice));
      render(results);
      return true;
    } catch (error) {
      if (request === latest) {
        clear();
        messages.replaceChildren(errorBox(plainError(error)));
      }
      return false;
    } finally {
      if (request === latest) busy?.removeAttribute("aria-busy");
    }
  };
}

/** What went wrong, in words a reader can act on; the API's own message where it refused the request. */
export function plainError(error) {
  if (!(error instanceof ApiError)) {
    return "The search service could not be reached. Check your connection, then try again.";
  }
  if (error.status === 503) {
    return "The search service is busy or starting. Try again in a moment.";
  }
  if (error.status >= 500) {
    return `Something went wrong on the server (error ${error.status}). Try again; if it keeps happening, tell the site's maintainers.`;
  }
  return `This search could not be run: ${error.message}`;
}

/**
 * The tags of a unit: its status, topics and speaker types, by their display names; with onTag(dim, value), each
 * is a button that filters the results by it.
 */
function tags(hit, labels, onTag) {
  const tag = (dim, value, kind) => {
    const name = labels.value(dim, value);
    return el("li", { class: `tag ${kind}` }, onTag
      ? el("button", { type: "button", class: "tag-filter", title: `Show only: ${labels.dimension(dim)} — ${name}`,
        onclick: () => onTag(dim, value) }, name)
      : name);
  };
  const items = [];
  if (hit.status) items.push(tag("status", hit.status, "status"));
  for (const topic of hit.topics || []) items.push(tag("topic", topic, "topic"));
  for (const type of hit.speakerTypes || []) items.push(tag("speakerType", type, "speaker"));
  return items.length ? el("ul", { class: "tags", "aria-label": "Status, topics and speakers" }, items) : null;
}

/**
 * One unit as a result: its short citation (else its label) linking to its page, the report's session and kind,
 * the highlighted passage, its tags, and a button that copies its full citation.
 */
export function hitItem(hit, labels, { headingLevel = "h3", onTag = null } = {}) {
  const report = hit.document;
  const meta = [report.session, labels.value("reportKind", report.kind)].filter(Boolean).join(" · ");
  return el("li", { class: "hit", "data-id": hit.id, "data-match": hit.match },
    el("div", { class: "hit-head" },
      el(headingLevel, {}, el("a", { href: paragraphUrl(hit.id) }, hit.shortCitation || hit.label)),
      el("span", { class: "hit-meta" }, meta),
      hit.closeness
        ? el("span", { class: `closeness ${hit.closeness}`, title: `Similarity of meaning ${hit.similarity.toFixed(2)}` },
          CLOSENESS[hit.closeness] || hit.closeness)
        : null,
      hit.match === "meaning"
        ? el("span", { class: "match-meaning", title: "This paragraph does not contain your words: it is related to their meaning" },
          "related in meaning")
        : null),
    el("p", { class: "hit-text", html: hit.highlight }),
    tags(hit, labels, onTag),
    el("p", { class: "citation" }, hit.shortCitation ? null : el("cite", {}, hit.citation),
      copyButton(hit.shortCitation ? "Copy the full citation" : "Copy citation", hit.citation, "Citation")));
}

/** The precedent finder's bands of closeness, in plain words, closest first. */
export const CLOSENESS = { "very-close": "very close", close: "close", related: "related", distant: "distant" };

/** How many values a facet shows before "Show all". */
const SHOWN_VALUES = 8;

/**
 * Checkbox groups, one per facet dimension, with counts; onToggle(dim, value) when one is ticked or unticked.
 * Groups that were expanded stay so across renders.
 */
export function facetGroups(container, facets, dims, state, labels, onToggle) {
  const expanded = new Set([...container.querySelectorAll(".facet[data-expanded='true']")].map((f) => f.dataset.dim));
  // The checkbox ticked last is rebuilt with the rest: focus goes back to its new self, not to the page's top.
  const focused = container.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  container.replaceChildren();
  for (const dim of dims) {
    const counts = pinned(facets[dim] || [], state.selected(dim));
    if (!counts.length) continue;
    const open = expanded.has(dim);
    const group = el("fieldset", { class: "facet", "data-dim": dim, "data-expanded": open ? "true" : "false" },
      el("legend", {}, labels.dimension(dim)));
    const list = el("ul", {});
    counts.forEach((count, i) => {
      if (!open && i >= SHOWN_VALUES && !state.isSelected(dim, count.value)) return;
      const name = labels.value(dim, count.value);
      const box = el("input", {
        type: "checkbox", name: dim, value: count.value, checked: state.isSelected(dim, count.value),
        "data-key": `${dim}\u0000${count.value}`,
      });
      box.addEventListener("change", () => onToggle(dim, count.value));
      list.append(el("li", {}, el("label", {}, box,
        el("span", { class: "value" }, name),
        el("span", { class: "count" }, String(count.count),
          el("span", { class: "visually-hidden" }, count.count === 1 ? " result" : " results")))));
    });
    group.append(list);
    if (counts.length > SHOWN_VALUES) {
      group.append(el("button", {
        type: "button", class: "link more", "aria-expanded": open ? "true" : "false",
        onclick: () => {
          group.dataset.expanded = open ? "false" : "true";
          facetGroups(container, facets, dims, state, labels, onToggle);
          container.querySelector(`.facet[data-dim="${dim}"] .more`).focus();
        },
      }, open ? "Show fewer" : `Show all ${counts.length}`));
    }
    container.append(group);
  }
  if (focused) container.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
}

/**
 * A dimension's values with the ticked ones first, in the order they were ticked, so that a value does not jump
 * as counts change; a ticked value the results no longer hold stays, with 0, to be unticked.
 */
function pinned(counts, selected) {
  const byValue = new Map(counts.map((count) => [count.value, count]));
  const ticked = selected.map((value) => byValue.get(value) || { value, count: 0 });
  return [...ticked, ...counts.filter((count) => !selected.includes(count.value))];
}

/** The button that shows and hides the filters on a phone, where they stand above the results. */
export function filtersToggle(button, panel) {
  button.addEventListener("click", () => {
    const collapsed = panel.dataset.collapsed === "true";
    panel.dataset.collapsed = collapsed ? "false" : "true";
    button.setAttribute("aria-expanded", collapsed ? "true" : "false");
  });
}

/** The selected filters as removable chips, and "Clear all". */
export function filterChips(container, state, labels, onRemove, onClear) {
  container.replaceChildren();
  for (const [dim, values] of state.filters) {
    for (const value of values) {
      const text = `${labels.dimension(dim)}: ${labels.value(dim, value)}`;
      container.append(el("li", {}, el("button", {
        type: "button", class: "chip", "aria-label": `Remove filter ${text}`, onclick: () => onRemove(dim, value),
      }, text)));
    }
  }
  if (state.hasFilters()) {
    container.append(el("li", {}, el("button", { type: "button", class: "link", onclick: onClear }, "Clear all filters")));
  }
}

/** The API pages through the first 10,000 hits of a search (its MAX_WINDOW). */
const DEEPEST_HIT = 10000;

/** How many pages of the size a result set has, as far as the API pages. */
export function pageCount(total, size) {
  return Math.min(Math.ceil(total / size), Math.floor(DEEPEST_HIT / size));
}

/**
 * A bookmark of a page the results no longer reach (they shrank) opens their last page instead: the URL is
 * corrected in place and reload() asks again. Says whether it did so.
 */
export function wentToLastPage(state, results, size, reload) {
  const last = pageCount(results.total, size);
  if (results.hits.length || last === 0 || state.page <= last) return false;
  state.page = last;
  state.replaceHistory();
  reload();
  return true;
}

/** Page links around the current page; onPage(n) follows one without reloading. */
export function pager(container, state, total, size, onPage) {
  container.replaceChildren();
  const pages = pageCount(total, size);
  if (pages <= 1) return;
  const link = (page, text, attributes = {}) => {
    const params = state.params();
    if (page > 1) params.set("page", String(page));
    else params.delete("page");
    const query = params.toString();
    return el("a", {
      href: query ? `?${query}` : location.pathname, ...attributes,
      onclick: (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onPage(page);
      },
    }, text);
  };
  const items = [];
  if (state.page > 1) items.push(link(state.page - 1, "Previous", { rel: "prev" }));
  const first = Math.max(1, Math.min(state.page - 2, pages - 4));
  for (let page = first; page <= Math.min(pages, first + 4); page++) {
    items.push(page === state.page
      ? el("span", { "aria-current": "page" }, String(page))
      : link(page, String(page), { "aria-label": `Page ${page}` }));
  }
  if (first + 4 < pages) {
    items.push(el("span", { class: "gap", "aria-hidden": "true" }, "…"), link(pages, String(pages), { "aria-label": `Last page, ${pages}` }));
  }
  if (state.page < pages) items.push(link(state.page + 1, "Next", { rel: "next" }));
  container.append(el("ul", {}, items.map((item) => el("li", {}, item))));
}
