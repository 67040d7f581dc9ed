// The iframe embed, for sites that cannot run scripts themselves: a <tipsearch-box> set up by this page's query
// string. Its links open outside the frame, so that readers leave the small frame for the full page.

import { widgetAttributes } from "./embed.js";

const box = document.createElement("tipsearch-box");
for (const [name, value] of widgetAttributes(new URLSearchParams(location.search))) box.setAttribute(name, value);
box.setAttribute("target", "_blank");
document.getElementById("embed").append(box);
