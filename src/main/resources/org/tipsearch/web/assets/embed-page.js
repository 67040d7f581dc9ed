// The iframe embed, for sites that cannot run scripts themselves: a <tipsearch-box> set up by this page's query
// string. Its links open outside the frame, so that readers leave the small frame for the full page.

import { widgetAttributes } from "./embed.js";

const box = document.createElement("tipsearch-box");
for (const [name, value] of widgetAttributes(new URLSearchParams(location.search))) box.setAttribute(name, value);
box.setAttribute("target", "_blank");
document.getElementById("embed").append(box);

// The frame tells the page around it how tall its content is, so that the page can size the frame to it (the
// Embed page's frame code listens for this message); only a height is said, so any page may hear it.
const content = document.getElementById("embed");
const tellHeight = () => parent.postMessage({ type: "tipsearch:height", height: Math.ceil(content.getBoundingClientRect().height) }, "*");
new ResizeObserver(tellHeight).observe(content);
