// The API page: Swagger UI, served by this server from its webjar, renders /openapi.json.
// It calls nobody else: no validator badge (validatorUrl null), no configuration from the URL.

const darkScheme = window.matchMedia("(prefers-color-scheme: dark)");

/** Swagger UI has its own dark theme, switched by a class on <html>; follow the site's, which follows the system. */
function followColorScheme() {
  document.documentElement.classList.toggle("dark-mode", darkScheme.matches);
}

followColorScheme();
darkScheme.addEventListener("change", followColorScheme);

window.SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  presets: [window.SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  deepLinking: true,
  validatorUrl: null,
  queryConfigEnabled: false,
  defaultModelsExpandDepth: 0,
});
