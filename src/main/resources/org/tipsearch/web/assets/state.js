// A search as the URL holds it, so that a search can be shared, bookmarked and walked with back and forward.
// The parameter names are the API's own, so the same query string also asks the API and its exports.

export class SearchState {
  /**
   * @param facets     the facet dimensions that are filters
   * @param defaultMode the mode left out of the URL (null where there are no modes)
   */
  constructor(facets, defaultMode = null) {
    this.facets = facets;
    this.defaultMode = defaultMode;
    this.q = "";
    this.mode = defaultMode;
    this.page = 1;
    this.filters = new Map();
  }

  /** Reads q, mode, page and the filters from a query string. */
  read(search) {
    const params = new URLSearchParams(search);
    this.q = (params.get("q") || "").trim();
    this.mode = params.get("mode") || this.defaultMode;
    const page = Number.parseInt(params.get("page") || "1", 10);
    this.page = Number.isFinite(page) && page > 0 ? page : 1;
    this.filters = new Map();
    for (const dim of this.facets) {
      const values = params.getAll(dim).filter((v) => v.trim() !== "");
      if (values.length) this.filters.set(dim, [...new Set(values)]);
    }
    return this;
  }

  selected(dim) {
    return this.filters.get(dim) || [];
  }

  isSelected(dim, value) {
    return this.selected(dim).includes(value);
  }

  /** Adds or removes one value of a facet; any change of the result set goes back to its first page. */
  toggle(dim, value) {
    const values = this.selected(dim);
    const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    this.setFilter(dim, next);
  }

  setFilter(dim, values) {
    if (values.length) this.filters.set(dim, values);
    else this.filters.delete(dim);
    this.page = 1;
  }

  clearFilters() {
    this.filters = new Map();
    this.page = 1;
  }

  hasFilters() {
    return this.filters.size > 0;
  }

  /** The query string: q, mode (unless the default), the filters, and the page unless told to leave it out. */
  params({ page = true } = {}) {
    const params = new URLSearchParams();
    if (this.q) params.set("q", this.q);
    if (this.mode && this.mode !== this.defaultMode) params.set("mode", this.mode);
    for (const dim of this.facets) {
      for (const value of this.selected(dim)) params.append(dim, value);
    }
    if (page && this.page > 1) params.set("page", String(this.page));
    return params;
  }

  /** The query string with a leading "?", or nothing. */
  queryString(options) {
    const query = this.params(options).toString();
    return query ? `?${query}` : "";
  }

  /** Records the state as a new history entry, unless the URL already says it (the same search again). */
  pushHistory() {
    const url = location.pathname + this.queryString();
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
  }

  /** Corrects the URL to the state in place, without a new history entry. */
  replaceHistory() {
    history.replaceState(null, "", location.pathname + this.queryString());
  }
}
