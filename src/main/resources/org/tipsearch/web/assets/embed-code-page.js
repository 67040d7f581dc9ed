// The Embed page: the search it was opened with (the search page's query string), as the two ways of putting it
// on another site, a script with a <tipsearch-box> and an iframe, with options, copy buttons and live previews.

import { loadLabels } from "./api.js";
import { FILTERS, widgetAttributes } from "./embed.js";
import { SearchState } from "./state.js";
import { copyButton, el, errorBox } from "./ui.js";

const DEFAULT_SIZE = 5;
const MAX_SIZE = 20;
const DEFAULT_THEME = "light";
const DEFAULT_LAYOUT = "full";
const FRAME_TITLE = "Search UN reports on trafficking in persons";

const state = new SearchState(FILTERS, "hybrid").read(location.search);
const options = document.getElementById("options");

async function start() {
  options.elements.mode.value = state.mode;
  options.addEventListener("change", () => {
    state.mode = options.elements.mode.value;
    update();
  });
  options.addEventListener("submit", (event) => event.preventDefault());
  const back = `/${state.queryString({ page: false })}`;
  document.querySelector(".site-nav a[href='/']").href = back;
  update();
  describeSearch(await loadLabels(), back);
}

/** Says which search the snippets hold, by the display names of its filters. */
function describeSearch(labels, back) {
  const summary = document.getElementById("search-summary");
  if (!state.q && !state.hasFilters()) {
    summary.replaceChildren("The box starts empty and readers type their own search. To embed a search with its "
      + "filters, run it on the ", el("a", { href: "/" }, "Search page"), " and follow “Embed this search on another site”.");
    return;
  }
  const filters = [...state.filters].map(([dim, values]) =>
    `${labels.dimension(dim)}: ${values.map((value) => labels.value(dim, value)).join(" or ")}`);
  const search = [state.q ? `“${state.q}”` : "all paragraphs", ...filters].join(" · ");
  summary.replaceChildren(`The box starts with the search ${search}. `, el("a", { href: back }, "Back to this search"));
}

/** The embed's query string: the search and the options, defaults left out. */
function embedParams() {
  const params = state.params({ page: false });
  const size = Math.min(Math.max(Number.parseInt(options.elements.size.value, 10) || DEFAULT_SIZE, 1), MAX_SIZE);
  if (size !== DEFAULT_SIZE) params.set("size", String(size));
  const theme = options.elements.theme.value;
  if (theme !== DEFAULT_THEME) params.set("theme", theme);
  const layout = options.elements.layout.value;
  if (layout !== DEFAULT_LAYOUT) params.set("layout", layout);
  return params;
}

/** A value as it may stand between double quotes in HTML. */
function attributeValue(value) {
  return value.replaceAll("&", "&amp;").replaceAll("\"", "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function update() {
  const params = embedParams();
  const attributes = widgetAttributes(params);
  const tag = attributes.map(([name, value]) => ` ${name}="${attributeValue(value)}"`).join("");
  const script = `<script src="${location.origin}/widget.js" defer></script>\n<tipsearch-box${tag}></tipsearch-box>`;
  const query = params.toString();
  const frameUrl = `${location.origin}/embed${query ? `?${query}` : ""}`;
  // the frame, and two lines that size each such frame to its content as it reports it (only from this server,
  // and only the frame that sent it, so that a page may hold several)
  const frame = `<iframe src="${attributeValue(frameUrl)}" title="${FRAME_TITLE}" width="100%" height="480" `
    + `loading="lazy"></iframe>\n<script>addEventListener("message", (e) => { if (e.origin === "${location.origin}" `
    + `&& e.data && e.data.type === "tipsearch:height") for (const f of document.querySelectorAll("iframe"))\n  `
    + `if (f.contentWindow === e.source) f.style.height = e.data.height + "px"; });</script>`;
  showSnippet("script", script, "The script code");
  showSnippet("iframe", frame, "The iframe code");
  previewBox(attributes);
  previewFrame(frameUrl);
}

/** A snippet and its copy button, which copies the snippet as it is now. */
function showSnippet(name, code, what) {
  document.getElementById(`${name}-snippet`).textContent = code;
  document.getElementById(`${name}-copy`).replaceChildren(copyButton(`Copy the ${name} code`, code, what));
}

/** The widget as the script snippet sets it up; changing its attributes updates it in place. */
function previewBox(attributes) {
  const container = document.getElementById("script-preview");
  const box = container.querySelector("tipsearch-box") || container.appendChild(document.createElement("tipsearch-box"));
  for (const name of box.getAttributeNames()) box.removeAttribute(name);
  for (const [name, value] of attributes) box.setAttribute(name, value);
}

/** The frame as the iframe snippet sets it up, sized to its content as the snippet's two lines size it. */
function previewFrame(url) {
  const container = document.getElementById("iframe-preview");
  let frame = container.querySelector("iframe");
  if (!frame) {
    frame = container.appendChild(el("iframe", { title: `${FRAME_TITLE} (preview)`, loading: "lazy" }));
    addEventListener("message", (event) => {
      if (event.origin === location.origin && event.source === frame.contentWindow && event.data
        && event.data.type === "tipsearch:height") frame.style.height = `${event.data.height}px`;
    });
  }
  if (frame.getAttribute("src") !== url) frame.src = url;
}

start().catch((error) => {
  document.getElementById("messages").replaceChildren(errorBox(`The page could not start: ${error.message}`));
});
