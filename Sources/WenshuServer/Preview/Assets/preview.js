"use strict";
// 文书预览: the data in the text area is rendered as the user types (debounced), one page as an
// image; problems are listed with their JSON paths; the layouts are watched by a long poll.

const $ = (id) => document.getElementById(id);
const state = {
  catalog: null, generation: 0, page: 1, pages: 0, zoom: 1,
  sent: 0, shown: 0, timer: null, controller: null,
};

function setStatus(text, kind) {
  $("status").textContent = text;
  $("status").className = "status " + (kind || "");
}

// The body's data-state says what the page shows: ready, problems, syntax-error,
// layout-error, busy or offline (the browser test waits on it).
function setState(name) { document.body.dataset.state = name; }

async function getJSON(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(response.status + " " + url);
  return response.json();
}

function fillSelect(select, items, wanted) {
  const keep = wanted !== undefined ? wanted : select.value;
  select.replaceChildren(...items.map(([value, label]) => new Option(label, value)));
  if (items.some(([value]) => value === keep)) select.value = keep;
}

function currentDocument() {
  const name = $("document").value;
  return state.catalog && state.catalog.documents.find((d) => d.document === name);
}

async function loadCatalog() {
  const catalog = await getJSON("/api/documents");
  state.catalog = catalog;
  state.generation = catalog.generation;
  fillSelect($("document"), catalog.documents.map((d) => [d.document, d.title.split(" — ")[0] + "（" + d.document + "）"]));
  fillPickers();
  return catalog;
}

// Variants, offices and samples of the chosen document; the variant and office shown are
// the data's own (the data decides which layout prints it).
function fillPickers() {
  const doc = currentDocument();
  if (!doc) return;
  const names = Object.fromEntries(state.catalog.offices.map((o) => [o.id, o.name]));
  fillSelect($("variant"), doc.variants.map((v) => [v, v === "default" ? "默认" : v]));
  fillSelect($("office"), doc.offices.map((id) => [id, (names[id] || id) + "（" + id + "）"]));
  fillSelect($("sample"), doc.samples.map((s) => [s, s]));
  syncPickersFromData();
}

function syncPickersFromData() {
  let data;
  try { data = JSON.parse($("data").value); } catch (e) { return; }
  if (!data || typeof data !== "object") return;
  $("variant").value = typeof data.variant === "string" ? data.variant : "default";
  const office = typeof data.office === "string" ? data.office : data.office && data.office.id;
  if (typeof office === "string") $("office").value = office;
}

async function loadSample() {
  const doc = $("document").value;
  const sample = $("sample").value;
  if (!doc || !sample) return;
  const response = await fetch("/api/samples/" + encodeURIComponent(doc) + "/" + encodeURIComponent(sample));
  if (!response.ok) { setStatus("无法读取样例 " + sample, "error"); return; }
  $("data").value = await response.text();
  syncPickersFromData();
  state.page = 1;
  render();
}

// ---- Where a JSON path is in the text ------------------------------------------------------

// "members[12].name" → ["members", 12, "name"]
function pathComponents(path) {
  const out = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while ((m = pattern.exec(path)) !== null) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

// The span of the value at `path` in the JSON text, or of its deepest ancestor that is there
// (a missing field shows its object). Scans without building the data, so it works on text
// JSON.parse would refuse up to where it breaks.
function locate(text, path) {
  const want = pathComponents(path);
  let i = 0;
  let best = null;
  const fail = () => { throw new Error("json"); };
  const space = () => { while (i < text.length && " \t\r\n".includes(text[i])) i++; };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i++ >= text.length) fail();
    try { return JSON.parse(text.slice(start, i)); } catch (e) { return text.slice(start + 1, i - 1); }
  };
  const value = (depth, matching) => {
    space();
    const start = i;
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      space();
      let n = 0;
      if (text[i] === close) i++;
      else for (;;) {
        let component = n++;
        if (c === "{") {
          space();
          if (text[i] !== '"') fail();
          component = string();
          space();
          if (text[i++] !== ":") fail();
        }
        value(depth + 1, matching && want[depth] === component);
        space();
        if (text[i] === ",") { i++; continue; }
        if (text[i++] === close) break;
        fail();
      }
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !",]} \t\r\n".includes(text[i])) i++;
      if (i === start) fail();
    }
    if (matching && (!best || depth > best.depth)) best = { start, end: i, depth };
  };
  try { value(0, true); } catch (e) { /* keep the deepest match before the break */ }
  return best && { start: best.start, end: best.end, exact: best.depth === want.length };
}

// Line and column (counted in characters, from 1) → offset in the text.
function offsetOf(text, line, column) {
  let i = 0;
  for (let l = 1; l < line && i < text.length; i++) if (text[i] === "\n") l++;
  for (let c = 1; c < column && i < text.length && text[i] !== "\n"; c++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}

function reveal(start, end) {
  const area = $("data");
  area.focus();
  area.setSelectionRange(start, end);
  const line = area.value.slice(0, start).split("\n").length - 1;
  const height = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 4) * height);
}

// ---- Rendering -----------------------------------------------------------------------------

function schedule(delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(render, delay === undefined ? 400 : delay);
  setStatus("等待输入结束…", "busy");
}

async function render() {
  clearTimeout(state.timer);
  const doc = $("document").value;
  if (!doc) return;
  const seq = ++state.sent;
  const ratio = window.devicePixelRatio || 1;
  const dpi = Math.round(Math.min(300, Math.max(24, 96 * state.zoom * ratio)));
  setStatus("正在生成…", "busy");
  setState("busy");
  // The request for older data is dropped: the server stops its render (it hangs up).
  if (state.controller) state.controller.abort();
  const controller = state.controller = new AbortController();
  let answer;
  try {
    answer = await getJSON("/api/render/" + encodeURIComponent(doc) + "?page=" + state.page + "&dpi=" + dpi, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: $("data").value,
      signal: controller.signal,
    });
  } catch (e) {
    if (seq === state.sent && e.name !== "AbortError") { setStatus("无法连接预览服务", "error"); setState("offline"); }
    return;
  }
  // A slower answer to an older request never replaces a newer one already shown.
  if (seq < state.shown) return;
  state.shown = seq;
  show(answer, ratio);
}

function show(answer, ratio) {
  const failed = answer.layoutError;
  $("layout-error").hidden = !failed;
  $("sheet").hidden = !!failed;
  if (failed) {
    $("layout-error-where").textContent = failed.file + ":" + failed.line;
    $("layout-error-message").textContent = failed.message;
    showProblems([], 0, [], 0);
    setStatus("版式文件有错误", "error");
    setState("layout-error");
    return;
  }
  const image = $("page-image");
  if (answer.png) {
    image.onload = () => { image.style.width = image.naturalWidth / ratio + "px"; };
    image.src = "data:image/png;base64," + answer.png;
    image.alt = "第 " + answer.page + " 页";
    image.classList.remove("stale");
    $("stale-note").hidden = true;
    state.page = answer.page;
    state.pages = answer.pages;
  } else {
    image.classList.add("stale");
    $("stale-note").hidden = !image.getAttribute("src");
  }
  $("page-number").value = state.page;
  $("page-count").textContent = state.pages;
  $("prev-page").disabled = state.page <= 1;
  $("next-page").disabled = state.page >= state.pages;
  const problems = answer.problems.slice();
  if (answer.syntaxError) {
    const e = answer.syntaxError;
    problems.unshift({ syntax: e, path: "第 " + e.line + " 行，第 " + e.column + " 列", message: e.message });
  }
  showProblems(problems, answer.problemCount + (answer.syntaxError ? 1 : 0), answer.warnings, answer.warningCount);
  if (answer.syntaxError) {
    setStatus("JSON 格式有误", "error");
    setState("syntax-error");
  } else if (answer.problemCount > 0) {
    setStatus("数据有 " + answer.problemCount + " 个问题", "error");
    setState("problems");
  } else if (answer.detail) {
    setStatus(answer.detail, "error");
    setState("problems");
  } else {
    const warned = answer.warningCount > 0;
    setStatus("已生成，共 " + answer.pages + " 页" + (warned ? "，有 " + answer.warningCount + " 条提醒" : ""),
      warned ? "warn" : "ok");
    setState("ready");
  }
}

function showProblems(problems, count, warnings, warningCount) {
  const list = $("problems");
  const item = (problem, kind) => {
    const li = document.createElement("li");
    li.className = "problem " + kind;
    li.dataset.path = problem.path;
    li.tabIndex = 0;
    const path = document.createElement("code");
    path.textContent = problem.path || "（整份数据）";
    const message = document.createElement("span");
    message.textContent = problem.message;
    li.append(path, message);
    const choose = () => {
      const text = $("data").value;
      if (problem.syntax) {
        const at = offsetOf(text, problem.syntax.line, problem.syntax.column);
        reveal(at, Math.min(text.length, at + 1));
      } else {
        const span = locate(text, problem.path);
        if (span) reveal(span.start, span.end);
      }
    };
    li.addEventListener("click", choose);
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") choose(); });
    return li;
  };
  list.replaceChildren(...problems.map((p) => item(p, "error")), ...warnings.map((w) => item(w, "warning")));
  const more = count - problems.length + warningCount - warnings.length;
  if (more > 0) {
    const li = document.createElement("li");
    li.className = "more";
    li.textContent = "另有 " + more + " 条未列出";
    list.append(li);
  }
  $("problem-count").textContent = count + (warningCount ? " · 提醒 " + warningCount : "");
  $("problem-count").className = "count" + (count ? " bad" : "");
  $("no-problems").hidden = problems.length + warnings.length > 0;
}

// Choosing a variant or an office writes it into the data, which is what picks the layout.
function writeField(field, value) {
  const area = $("data");
  const text = area.value;
  let span = locate(text, field);
  if (span && span.exact && field === "office" && text[span.start] === "{") span = locate(text, "office.id");
  if (span && span.exact) {
    area.value = text.slice(0, span.start) + JSON.stringify(value) + text.slice(span.end);
  } else {
    const open = text.indexOf("{");
    if (open < 0) { setStatus("数据不是 JSON 对象", "error"); return; }
    area.value = text.slice(0, open + 1) + "\n  " + JSON.stringify(field) + " : " + JSON.stringify(value) + ","
      + text.slice(open + 1);
  }
  render();
}

// ---- Layout changes ------------------------------------------------------------------------

// Waits for the server to reload the layouts (a file under Layouts/ saved), then re-renders.
async function watchLayouts() {
  for (;;) {
    try {
      const answer = await getJSON("/api/layouts?since=" + state.generation);
      if (answer.generation !== state.generation) {
        state.generation = answer.generation;
        if (!answer.layoutError) await loadCatalog();
        if (!answer.layoutError && !$("data").value) await loadSample();
        else render();
      }
    } catch (e) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

// ---- Start ---------------------------------------------------------------------------------

function start() {
  $("document").addEventListener("change", () => { fillPickers(); loadSample(); });
  $("sample").addEventListener("change", loadSample);
  $("variant").addEventListener("change", () => writeField("variant", $("variant").value));
  $("office").addEventListener("change", () => writeField("office", $("office").value));
  $("data").addEventListener("input", () => { syncPickersFromData(); schedule(); });
  $("zoom").addEventListener("change", () => { state.zoom = Number($("zoom").value); render(); });
  $("prev-page").addEventListener("click", () => { state.page = Math.max(1, state.page - 1); render(); });
  $("next-page").addEventListener("click", () => { state.page = Math.min(state.pages, state.page + 1); render(); });
  $("page-number").addEventListener("change", () => {
    state.page = Math.max(1, Math.min(state.pages || 1, Number($("page-number").value) || 1));
    render();
  });
  loadCatalog().then((catalog) => {
    if (catalog.layoutError && catalog.documents.length === 0) show({ layoutError: catalog.layoutError });
    return loadSample();
  }).catch(() => setStatus("无法连接预览服务", "error")).finally(watchLayouts);
}

start();
