/// The preview's page and style sheet, in the binary: the preview needs no file beside it
/// and loads nothing from elsewhere (the page's script is `PreviewScript`).
enum PreviewPage {
  static let html = #"""
    <!doctype html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>文书预览 · Wenshu</title>
    <link rel="stylesheet" href="/preview.css">
    </head>
    <body data-state="loading">
    <header class="bar">
      <h1>文书<span>预览</span></h1>
      <label>文书 <select id="document"></select></label>
      <label>版式 <select id="variant"></select></label>
      <label>单位 <select id="office"></select></label>
      <label>样例 <select id="sample"></select></label>
      <span id="status" class="status">正在加载…</span>
    </header>
    <main>
      <section class="editor">
        <div class="pane-title">数据（JSON）<span class="hint">修改后自动刷新</span></div>
        <textarea id="data" spellcheck="false" wrap="off" autocomplete="off" aria-label="数据（JSON）"></textarea>
        <div class="pane-title">问题 <span id="problem-count" class="count">0</span>
          <span class="hint">点击一项，定位到数据中的位置</span></div>
        <p id="no-problems" class="empty">没有问题。</p>
        <ul id="problems" class="problems"></ul>
      </section>
      <section class="viewer">
        <div class="toolbar">
          <button id="prev-page" type="button" disabled>‹ 上一页</button>
          <span class="pager">第 <input id="page-number" type="number" min="1" value="1" aria-label="页码"> 页，共
            <span id="page-count">0</span> 页</span>
          <button id="next-page" type="button" disabled>下一页 ›</button>
          <label class="zoom">缩放 <select id="zoom">
            <option value="0.5">50%</option><option value="0.75">75%</option>
            <option value="1" selected>100%</option><option value="1.25">125%</option>
            <option value="1.5">150%</option><option value="2">200%</option>
          </select></label>
        </div>
        <div class="pages">
          <div id="layout-error" class="layout-error" role="alert" hidden>
            <h2>版式文件有错误</h2>
            <p id="layout-error-where" class="where"></p>
            <pre id="layout-error-message"></pre>
            <p class="hint">修改并保存该文件后，预览会自动恢复。</p>
          </div>
          <div id="sheet" class="sheet">
            <p id="stale-note" class="stale-note" hidden>数据有问题，下面是上一次生成的页面。</p>
            <img id="page-image" alt="">
          </div>
        </div>
      </section>
    </main>
    <script src="/preview.js"></script>
    </body>
    </html>
    """#

  static let css = #"""
    * { box-sizing: border-box; }
    html, body { height: 100%; margin: 0; }
    body {
      display: flex; flex-direction: column; color: #1f2933; background: #f3f4f6;
      font: 14px/1.5 "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
    }
    .bar {
      display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; padding: 10px 18px;
      background: #1d3557; color: #fff;
    }
    .bar h1 { margin: 0 8px 0 0; font-size: 18px; font-weight: 700; letter-spacing: 1px; }
    .bar h1 span { margin-left: 6px; font-weight: 400; opacity: 0.8; }
    .bar label { display: flex; align-items: center; gap: 6px; font-size: 13px; }
    select, input, button { font: inherit; font-size: 13px; }
    .bar select { min-width: 110px; max-width: 320px; padding: 3px 6px; border: 0; border-radius: 4px; }
    .status { margin-left: auto; padding: 2px 10px; border-radius: 10px; font-size: 13px; background: #ffffff22; }
    .status.ok { background: #2d6a4f; }
    .status.warn { background: #b7791f; }
    .status.error { background: #b42318; }
    .status.busy { background: #ffffff33; }
    main { flex: 1; display: flex; min-height: 0; }
    .editor {
      display: flex; flex-direction: column; width: 42%; min-width: 320px; padding: 12px 14px;
      background: #fff; border-right: 1px solid #d8dde3;
    }
    .pane-title { display: flex; align-items: baseline; gap: 8px; margin: 2px 0 6px; font-weight: 600; }
    .hint { font-size: 12px; font-weight: 400; color: #6b7280; }
    textarea {
      flex: 3; min-height: 160px; width: 100%; padding: 8px; resize: none; white-space: pre; overflow: auto;
      border: 1px solid #cfd6de; border-radius: 4px; background: #fbfcfd; color: #111827; tab-size: 2;
      font: 13px/18px "DejaVu Sans Mono", "Noto Sans Mono CJK SC", ui-monospace, monospace;
    }
    textarea:focus { outline: 2px solid #457b9d55; border-color: #457b9d; }
    textarea::selection { background: #ffd166; }
    .count { padding: 0 8px; border-radius: 9px; font-size: 12px; font-weight: 400; background: #e5e7eb; }
    .count.bad { background: #fde2e1; color: #b42318; }
    .problems { flex: 2; min-height: 60px; margin: 0; padding: 0; overflow: auto; list-style: none; }
    .problem {
      display: flex; flex-direction: column; padding: 6px 10px; margin-bottom: 4px; cursor: pointer;
      border-left: 3px solid #b42318; border-radius: 3px; background: #fef3f2;
    }
    .problem.warning { border-left-color: #b7791f; background: #fffbeb; }
    .problem:hover, .problem:focus { background: #fde2e1; outline: none; }
    .problem.warning:hover, .problem.warning:focus { background: #fef3c7; }
    .problem code { font: 12px "DejaVu Sans Mono", ui-monospace, monospace; color: #7a271a; }
    .problem.warning code { color: #7c4a03; }
    .more, .empty { color: #6b7280; font-size: 13px; margin: 4px 0; }
    .viewer { flex: 1; display: flex; flex-direction: column; min-width: 0; }
    .toolbar {
      display: flex; align-items: center; gap: 10px; padding: 8px 14px; background: #fff;
      border-bottom: 1px solid #d8dde3;
    }
    .toolbar button {
      padding: 3px 12px; border: 1px solid #cfd6de; border-radius: 4px; background: #fff; cursor: pointer;
    }
    .toolbar button:disabled { color: #9ca3af; cursor: default; }
    .pager input { width: 56px; padding: 2px 4px; text-align: center; }
    .zoom { margin-left: auto; display: flex; align-items: center; gap: 6px; }
    .pages { flex: 1; overflow: auto; padding: 20px; text-align: center; }
    .sheet img { display: inline-block; background: #fff; box-shadow: 0 1px 4px #0003, 0 4px 18px #0001; }
    .sheet img:not([src]) { display: none; }
    .sheet img.stale { opacity: 0.35; filter: grayscale(1); }
    .stale-note {
      display: table; margin: 0 auto 12px; padding: 4px 14px; border-radius: 4px; font-size: 13px;
      background: #fde2e1; color: #b42318;
    }
    .layout-error {
      max-width: 720px; margin: 30px auto; padding: 18px 22px; text-align: left; background: #fff;
      border: 1px solid #f1b5ae; border-top: 4px solid #b42318; border-radius: 4px;
    }
    .layout-error h2 { margin: 0 0 8px; font-size: 17px; color: #b42318; }
    .layout-error .where { margin: 0; font: 600 14px "DejaVu Sans Mono", ui-monospace, monospace; }
    .layout-error pre { white-space: pre-wrap; margin: 8px 0; font: 13px/1.5 inherit; }
    [hidden] { display: none !important; }
    """#
}
