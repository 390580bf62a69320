// Search page of the Arsip Paritrana Award (paritrana_search). Loads Pagefind's index for the page's
// language from this site (never a CDN), fills the filters and lists results as the reader types.
// The query and filters are kept in the address (?q=…&province=…), so a search can be linked.
// All text from the index is inserted as text; only Pagefind's <mark> highlights are kept.

const PAGE_SIZE = 10;
const form = document.getElementById("search");

if (form) {
  start().catch(() => unavailable());
}

function unavailable() {
  const notice = document.getElementById("search-unavailable");
  if (notice) notice.hidden = false;
  if (form) {
    form.hidden = true;
    form.classList.add("search-off");
  }
}

function message(name, values = {}) {
  const text = form.dataset["msg" + name] || "";
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

function plural(name, count, values = {}) {
  const rule = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
  return message(name + (rule === "one" ? "One" : "Other"), { count: count.toLocaleString(document.documentElement.lang), ...values });
}

function sortValues(name, values) {
  const lang = document.documentElement.lang || "en";
  if (name === "edition") return values.sort((a, b) => Number(b) - Number(a) || a.localeCompare(b, lang));
  return values.sort((a, b) => a.localeCompare(b, lang, { numeric: true }));
}

function appendExcerpt(target, html) {
  // Pagefind's excerpt is escaped text with <mark> around matches: keep the text and the marks only.
  const doc = new DOMParser().parseFromString("<div>" + (html || "") + "</div>", "text/html");
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(node.textContent);
    }
  }
}

function renderResult(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const link = document.createElement("a");
  link.className = "search-result-title";
  link.href = data.url;
  link.textContent = (data.meta && data.meta.title) || data.url;
  item.append(link);
  if (data.meta && data.meta.kind) {
    const kind = document.createElement("span");
    kind.className = "search-result-kind";
    kind.textContent = data.meta.kind;
    item.append(" ", kind);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  appendExcerpt(excerpt, data.excerpt);
  item.append(excerpt);
  return item;
}

async function start() {
  const input = document.getElementById("search-q");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const shownNote = document.getElementById("search-shown");
  const selects = Array.from(form.querySelectorAll("select[data-filter]"));

  const pagefind = await import(form.dataset.bundle);
  await pagefind.options({ baseUrl: form.dataset.basePath || "/", excerptLength: 26 });
  await pagefind.init();
  const available = await pagefind.filters();
  for (const select of selects) {
    const values = sortValues(select.dataset.filter, Object.keys(available[select.dataset.filter] || {}));
    for (const value of values) select.add(new Option(value, value));
  }

  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  for (const select of selects) {
    const wanted = params.get(select.name);
    if (wanted && Array.from(select.options).some((o) => o.value === wanted)) select.value = wanted;
  }
  form.hidden = false;

  let results = [];
  let shown = 0;
  let total = 0;
  let generation = 0;

  function current() {
    const filters = {};
    for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
    return { term: input.value.trim(), filters };
  }

  function remember(term, filters) {
    const query = new URLSearchParams();
    if (term) query.set("q", term);
    for (const [name, value] of Object.entries(filters)) query.set(name, value);
    const search = query.toString();
    const target = window.location.pathname + (search ? "?" + search : "");
    if (target !== window.location.pathname + window.location.search) window.history.replaceState(null, "", target);
  }

  function showProgress() {
    const lang = document.documentElement.lang;
    more.hidden = shown >= total;
    shownNote.textContent = total > shown
      ? message("Shown", { shown: shown.toLocaleString(lang), count: total.toLocaleString(lang) }) : "";
  }

  async function showMore(focusFirst) {
    const run = generation;
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (run !== generation) return;
    const items = data.map(renderResult);
    list.append(...items);
    shown += items.length;
    showProgress();
    if (focusFirst && items.length) items[0].querySelector("a").focus();
  }

  async function search(debounce) {
    const { term, filters } = current();
    remember(term, filters);
    const run = ++generation;
    const filtered = Object.keys(filters).length > 0;
    if (!term && !filtered) {
      results = [];
      shown = total = 0;
      list.replaceChildren();
      showProgress();
      status.textContent = "";
      return;
    }
    list.setAttribute("aria-busy", "true");
    const options = { filters };
    const found = debounce ? await pagefind.debouncedSearch(term || null, options, 250)
      : await pagefind.search(term || null, options);
    if (found === null || run !== generation) return;
    results = found.results;
    total = results.length;
    shown = 0;
    list.replaceChildren();
    list.removeAttribute("aria-busy");
    showProgress();
    status.textContent = !total ? (term ? message("None", { query: term }) : message("NoneFiltered"))
      : (term ? plural("Results", total, { query: term }) : plural("Filtered", total));
    if (total) await showMore(false);
  }

  input.addEventListener("input", () => search(true));
  for (const select of selects) select.addEventListener("change", () => search(false));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(false);
  });
  form.addEventListener("reset", () => window.setTimeout(() => {
    search(false);
    input.focus();
  }, 0));
  more.addEventListener("click", () => showMore(true));

  if (input.value || selects.some((s) => s.value)) await search(false);
}
