// Small helpers shared by the page's modules (app.js, owners.js): making elements, writing
// numbers, and saving bytes the worker made as a file. Everything a user wrote goes on the page
// as text, never as HTML.

export const $ = (id) => document.getElementById(id);

/** Make an element: h("td", { class: "num" }, "3"). Children are text or nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A number as the page writes every number: 10,000. */
export const num = (n) => (typeof n === "number" ? n.toLocaleString("en-GB") : n);

/** "1 action", "26 actions". */
export const plural = (n, one, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

/** Save a file the worker made ({ name, mime, bytes } or { name, mime, text }). */
export function save(file) {
  const blob = file.bytes
    ? new Blob([file.bytes], { type: file.mime })
    : new Blob([file.text], { type: `${file.mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: file.name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
