// The JSON API as the pages use it: one error type carrying the server's message, and the display names.

/** A refused or failed request, with the message the API gave. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function answer(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body && body.message ? body.message : `the server answered ${response.status}`);
  }
  return body;
}

/** GET a JSON endpoint of this server with query parameters (URLSearchParams or a plain object). */
export async function getJson(path, params = new URLSearchParams()) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: "application/json" } });
  return answer(response);
}

export async function postJson(path, data) {
  const response = await fetch(path, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(data),
  });
  return answer(response);
}

/** The names people read for facet dimensions and for facet values given as ids (GET /api/labels). */
export class Labels {
  constructor({ dimensions, values }) {
    this.dimensions = dimensions;
    this.values = values;
  }

  dimension(dim) {
    return this.dimensions[dim] || dim;
  }

  value(dim, value) {
    return (this.values[dim] && this.values[dim][value]) || value;
  }

  /** The value whose display name this is, or null: a topic's id from its label. */
  valueNamed(dim, name) {
    const entry = Object.entries(this.values[dim] || {}).find(([, shown]) => shown === name);
    return entry ? entry[0] : null;
  }
}

let labels;

/** The display names, fetched once per page (and asked again after a failure). */
export function loadLabels() {
  labels ||= getJson("/api/labels").then((names) => new Labels(names)).catch((error) => {
    labels = null;
    throw error;
  });
  return labels;
}

/** A paragraph's page: ids are "report/unit", both parts kept as they are. */
export function paragraphUrl(id) {
  return "/p/" + id.split("/").map(encodeURIComponent).join("/");
}
