/*
 * <tipsearch-box>: a search box over the UN reports on trafficking in persons that any site can add with two lines:
 *
 *   <script src="https://HOST/widget.js" defer></script>
 *   <tipsearch-box topic="non-punishment"></tipsearch-box>
 *
 * Attributes (changing one updates the box and, where it changes the search, searches again):
 *   server       the tipsearch server; by default the one this script was loaded from
 *   query        a search to show on load
 *   session, topic, speaker-type, kind, status, year, report-kind, country, organization
 *                preset filters, the API's facets; several values separated by "|"
 *   size         how many results to show, 1 to 20 (5)
 *   mode         hybrid (words and meaning, the default), bm25 (exact words) or semantic (meaning only)
 *   theme        light (the default), dark, or auto (the reader's system setting)
 *   layout       full (the default: label, session, passage, citation) or compact (label, three lines of the
 *                passage, the citation on one line), for a sidebar or a phone
 *   placeholder  the search field's placeholder
 *   target       where result links open, e.g. _blank
 *
 * The box lives in a shadow root: the page's CSS does not reach into it, its CSS does not reach out, and it
 * inherits nothing from the page. To restyle it, set these custom properties on the element or an ancestor:
 *   --tipsearch-accent       links, the button, the focus ring
 *   --tipsearch-accent-ink   text on the button
 *   --tipsearch-font         font family
 *   --tipsearch-font-size    base font size (the reader's default size unless set)
 *   --tipsearch-background   background
 *   --tipsearch-text         text
 *   --tipsearch-muted        secondary text: session, citation, counts
 *   --tipsearch-border       borders
 *   --tipsearch-mark         background of the matched words
 *   --tipsearch-radius       corner radius
 * or style its parts: tipsearch-box::part(box), ::part(input), ::part(button), ::part(results).
 * Colours of the themes you override are yours to keep at WCAG AA contrast; the defaults are.
 */
(() => {
  "use strict";

  const TAG = "tipsearch-box";
  if (!window.customElements || customElements.get(TAG)) return; // an old browser, or the script twice

  /** The attributes that are filters, and the API's names for them. */
  const FILTERS = {
    session: "session", topic: "topic", "speaker-type": "speakerType", kind: "kind", status: "status",
    year: "year", "report-kind": "reportKind", country: "country", organization: "organization",
  };
  const MODES = ["hybrid", "bm25", "semantic"];
  const DEFAULT_SIZE = 5;
  const MAX_SIZE = 20;

  // Read now: document.currentScript is only set while this script first runs. The server is the folder the script
  // came from, so that a server behind a path prefix (https://example.org/tipsearch/widget.js) works as well.
  const script = document.currentScript;
  const SCRIPT_SERVER = script ? new URL(".", script.src).href : new URL("/", location.href).href;

  const LIGHT = `
    --_background: var(--tipsearch-background, #ffffff);
    --_text: var(--tipsearch-text, #1b1f24);
    --_muted: var(--tipsearch-muted, #4f5b66);
    --_border: var(--tipsearch-border, #8a96a3);
    --_accent: var(--tipsearch-accent, #0b57a4);
    --_accent-ink: var(--tipsearch-accent-ink, #ffffff);
    --_mark: var(--tipsearch-mark, #ffe58a);
    --_danger: #a4161a;`;
  const DARK = `
    --_background: var(--tipsearch-background, #14181c);
    --_text: var(--tipsearch-text, #e8ebee);
    --_muted: var(--tipsearch-muted, #b2bcc6);
    --_border: var(--tipsearch-border, #5d6976);
    --_accent: var(--tipsearch-accent, #7fb5f0);
    --_accent-ink: var(--tipsearch-accent-ink, #0c1420);
    --_mark: var(--tipsearch-mark, #6b5a12);
    --_danger: #ff8a8a;`;

  // Everything the box looks like is set on .box rather than inherited, so that even a page rule that reaches
  // the element itself (say "* { color: red }") stops there.
  const CSS = `
    :host { all: initial; display: block; min-width: 0; }
    :host([hidden]) { display: none; }
    .box { ${LIGHT}
      box-sizing: border-box; padding: .75em; text-align: start; line-height: 1.5;
      font-family: var(--tipsearch-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
      font-size: var(--tipsearch-font-size, medium); color: var(--_text); background: var(--_background);
      border: 1px solid var(--_border); border-radius: var(--tipsearch-radius, 6px); }
    :host([theme="dark"]) .box { ${DARK} color-scheme: dark; }
    @media (prefers-color-scheme: dark) { :host([theme="auto"]) .box { ${DARK} color-scheme: dark; } }
    *, *::before, *::after { box-sizing: border-box; }
    form { margin: 0; }
    label { display: block; font-weight: 600; margin-bottom: .35em; }
    .row { display: flex; flex-wrap: wrap; gap: .5em; }
    input, button { font: inherit; margin: 0; border-radius: var(--tipsearch-radius, 6px); }
    input { flex: 1 1 8em; min-width: 0; padding: .45em .6em; color: var(--_text); background: var(--_background);
      border: 1px solid var(--_muted); }
    input::placeholder { color: var(--_muted); opacity: 1; }
    button { flex: none; cursor: pointer; padding: .45em .9em; color: var(--_accent-ink); background: var(--_accent);
      border: 1px solid var(--_accent); }
    a { color: var(--_accent); }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
    .scope, .status { margin: .5em 0 0; color: var(--_muted); font-size: .9em; }
    .status:empty { margin: 0; } /* still there, so that screen readers hear it fill */
    .status.error { color: var(--_danger); }
    ol { list-style: none; margin: 0; padding: 0; }
    li { border-top: 1px solid var(--_border); padding: .6em 0; margin-top: .5em; }
    li + li { margin-top: 0; }
    .label { font-weight: 600; }
    .session { color: var(--_muted); font-size: .9em; margin-left: .5em; }
    .meaning { color: var(--_muted); font-size: .8em; margin-left: .5em; border: 1px dashed currentColor;
      border-radius: 4px; padding: 0 .3em; white-space: nowrap; }
    .text { margin: .25em 0; overflow-wrap: anywhere; }
    mark { background: var(--_mark); color: inherit; padding: 0 1px; border-radius: 2px; }
    cite { display: block; font-style: normal; font-size: .85em; color: var(--_muted); overflow-wrap: anywhere; }
    .more { margin: .5em 0 0; }
    :host([layout="compact"]) .box { padding: .6em; }
    :host([layout="compact"]) li { padding: .4em 0; margin-top: .25em; }
    :host([layout="compact"]) .session { display: none; }
    :host([layout="compact"]) .text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3;
      line-clamp: 3; overflow: hidden; margin: .15em 0; }
    :host([layout="compact"]) cite { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  `;

  let sheet; // one constructed stylesheet, shared by every box on the page

  function styles() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  }

  /** An element with attributes and text or element children; never HTML. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" };

  /** The text of the server's HTML-escaped highlight. */
  function decodeEntities(html) {
    return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
  }

  /**
   * The highlight as text and <mark> elements. Built rather than parsed, so that no markup from the network
   * becomes DOM and pages that enforce Trusted Types accept it.
   */
  function highlighted(html) {
    return html.split(/(<mark>.*?<\/mark>)/s).filter(Boolean).map((part) => part.startsWith("<mark>")
      ? el("mark", {}, decodeEntities(part.slice(6, -7)))
      : document.createTextNode(decodeEntities(part)));
  }

  /** The display names of facets and values, fetched once per server and only for showing the preset filters. */
  const labelsByServer = new Map();

  function labels(server) {
    if (!labelsByServer.has(server)) {
      labelsByServer.set(server, fetch(server + "api/labels", { headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : null))
        .then((names) => (names && names.dimensions && names.values ? names : null))
        .catch(() => null));
    }
    return labelsByServer.get(server);
  }

  class TipsearchBox extends HTMLElement {
    static observedAttributes = ["server", "query", "size", "mode", "theme", "layout", "placeholder", "target",
      ...Object.keys(FILTERS)];

    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = [styles()];
      this.input = el("input", { id: "q", type: "search", part: "input", autocomplete: "off",
        maxlength: "2000", enterkeyhint: "search" });
      this.form = el("form", { role: "search", part: "form" },
        el("label", { for: "q" }, "Search UN reports on trafficking in persons"),
        el("div", { class: "row" }, this.input, el("button", { type: "submit", part: "button" }, "Search")));
      this.scope = el("p", { class: "scope" });
      this.status = el("p", { class: "status", role: "status", "aria-live": "polite" });
      this.hits = el("ol", { part: "results", "aria-label": "Results", hidden: "" });
      this.more = el("p", { class: "more", hidden: "" });
      root.append(el("div", { class: "box", part: "box" }, this.form, this.scope, this.status, this.hits, this.more));
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.q = this.input.value.trim();
        this.search();
      });
      this.q = "";
      this.latest = 0; // answers to older requests than the latest are dropped
      this.answer = null;
      this.scheduled = false;
    }

    connectedCallback() {
      this.schedule();
    }

    attributeChangedCallback(name, oldValue, value) {
      if (name === "query") {
        this.q = (value || "").trim();
        this.input.value = this.q;
      }
      if (name === "theme" || name === "layout") return; // the stylesheet follows these attributes by itself
      this.schedule();
    }

    /** Attributes often change several at a time (a page setting them up): one update for all of them. */
    schedule() {
      if (this.scheduled) return;
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        if (this.isConnected) this.update();
      });
    }

    update() {
      this.input.placeholder = this.getAttribute("placeholder") || "";
      if (this.searchKey() === this.shownKey) {
        this.render(); // only how results look changed, e.g. their target
        return;
      }
      this.search();
    }

    /** The server's base URL, ending in "/". */
    server() {
      const server = this.getAttribute("server");
      try {
        return server ? new URL(server.replace(/\/*$/, "/"), document.baseURI).href : SCRIPT_SERVER;
      } catch {
        return SCRIPT_SERVER; // not a URL: the search then fails visibly against the default server
      }
    }

    size() {
      const size = Number.parseInt(this.getAttribute("size"), 10);
      return Number.isFinite(size) ? Math.min(Math.max(size, 1), MAX_SIZE) : DEFAULT_SIZE;
    }

    mode() {
      const mode = (this.getAttribute("mode") || "").trim();
      return MODES.includes(mode) ? mode : MODES[0];
    }

    /** The preset filters: [API name, values] pairs, for the filters that have values. */
    filters() {
      const values = (attribute) => (this.getAttribute(attribute) || "").split("|").map((v) => v.trim()).filter(Boolean);
      return Object.entries(FILTERS)
        .map(([attribute, dim]) => [dim, values(attribute)])
        .filter(([, given]) => given.length);
    }

    /** What decides the results: when it is unchanged, there is no need to ask the server again. */
    searchKey() {
      return [this.server(), this.request(), this.size()].join("\n");
    }

    /** The search as the API and the search page both take it: q, mode unless the default, the filters. */
    request() {
      const params = new URLSearchParams();
      if (this.q) params.set("q", this.q);
      if (this.mode() !== MODES[0]) params.set("mode", this.mode());
      for (const [dim, values] of this.filters()) values.forEach((value) => params.append(dim, value));
      return params;
    }

    async search() {
      const request = ++this.latest;
      const server = this.server();
      const params = this.request();
      this.shownKey = this.searchKey();
      this.showScope(server);
      if (!this.q && !this.filters().length) {
        this.answer = null;
        this.render();
        return;
      }
      params.set("size", String(this.size()));
      this.hits.setAttribute("aria-busy", "true");
      this.status.classList.remove("error");
      this.status.textContent = "Searching…";
      let answer;
      try {
        answer = await this.fetchResults(server, params);
      } catch (error) {
        answer = { failure: error.message };
      }
      if (request !== this.latest) return;
      this.hits.removeAttribute("aria-busy");
      this.answer = answer;
      this.render();
    }

    async fetchResults(server, params) {
      let response;
      try {
        response = await fetch(`${server}api/search?${params}`, { headers: { Accept: "application/json" } });
      } catch {
        throw new Error(`The search service at ${server} could not be reached.`);
      }
      const body = await response.json().catch(() => null);
      if (!response.ok || !readable(body)) {
        const reason = body && body.message ? body.message : `the server answered ${response.status}`;
        throw new Error(`The search failed: ${reason}.`);
      }
      return body;
    }

    /** The preset filters by their display names, so that readers know what the results are narrowed to. */
    async showScope(server) {
      const filters = this.filters();
      this.scope.hidden = filters.length === 0;
      if (!filters.length) return;
      const names = (await labels(server)) || { dimensions: {}, values: {} };
      const text = filters.map(([dim, values]) => `${names.dimensions[dim] || dim}: `
        + values.map((value) => (names.values[dim] && names.values[dim][value]) || value).join(" or "));
      this.scope.textContent = `Searching only: ${text.join("; ")}`;
    }

    render() {
      const answer = this.answer;
      this.status.classList.toggle("error", Boolean(answer && answer.failure));
      this.more.hidden = true;
      const hits = answer && !answer.failure ? answer.hits : [];
      this.hits.replaceChildren(...hits.map((hit) => this.hitItem(hit)));
      this.hits.hidden = hits.length === 0;
      if (!answer || answer.failure) {
        this.status.textContent = answer ? answer.failure : "";
        return;
      }
      this.status.textContent = summary(answer);
      if (answer.total > 0) {
        const all = this.link(`${this.server()}?${this.request()}`,
          `See all ${answer.total.toLocaleString("en")} ${answer.total === 1 ? "result" : "results"}`);
        this.more.replaceChildren(all);
        this.more.hidden = false;
      }
    }

    hitItem(hit) {
      const href = `${this.server()}p/${hit.id.split("/").map(encodeURIComponent).join("/")}`;
      return el("li", { "data-id": hit.id },
        this.link(href, hit.label, { class: "label" }),
        hit.document && hit.document.session ? el("span", { class: "session" }, hit.document.session) : null,
        hit.match === "meaning" ? el("span", { class: "meaning" }, "related in meaning") : null,
        el("p", { class: "text" }, ...highlighted(hit.highlight || "")),
        hit.shortCitation || hit.citation ? el("cite", {}, hit.shortCitation || hit.citation) : null);
    }

    /** A link that opens where the target attribute says; a new window gets no handle on this page. */
    link(href, text, attributes = {}) {
      const target = this.getAttribute("target");
      return el("a", { href, target, rel: target ? "noopener" : null, ...attributes }, text);
    }
  }

  /** An answer of the shape this box shows, so that a wrong server gives a message rather than a script error. */
  function readable(body) {
    return body !== null && typeof body === "object" && Number.isFinite(body.total) && Array.isArray(body.hits)
      && body.hits.every((hit) => hit && typeof hit.id === "string" && typeof hit.label === "string");
  }

  /** "75 results for “non-punishment”: 8 with your words, 67 related in meaning", and the API's notice. */
  function summary({ total, query, notice, wordMatches }) {
    const count = total === 0 ? "No results" : `${total.toLocaleString("en")} ${total === 1 ? "result" : "results"}`;
    let text = query ? `${count} for “${query}”` : count;
    if (Number.isFinite(wordMatches) && wordMatches < total) {
      text += `: ${wordMatches.toLocaleString("en")} with your words, `
        + `${(total - wordMatches).toLocaleString("en")} related in meaning`;
    }
    return notice ? `${text}. ${notice}` : text;
  }

  customElements.define(TAG, TipsearchBox);
})();
