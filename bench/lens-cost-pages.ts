/**
 * The busy pages of bench/lens-cost.ts (issue 11, "cheap where it runs"):
 * what a webmail-like single-page app does to the lens's watcher. Not shipped.
 */

/** A 2,000-row data grid swapping 200 rows per animation frame. */
export const GRID = `<!doctype html><title>grid</title><body><table id="g"><tbody></tbody></table>
<script>
const body = document.querySelector('#g tbody');
for (let i = 0; i < 2000; i++) {
  const tr = body.insertRow();
  for (let c = 0; c < 5; c++) tr.insertCell().textContent = 'r' + i + 'c' + c;
}
let at = 0;
function frame() {
  for (let k = 0; k < 200; k++) {
    const tr = document.createElement('tr');
    for (let c = 0; c < 5; c++) {
      const td = document.createElement('td');
      td.textContent = 'n' + at + 'c' + c;
      tr.append(td);
    }
    body.rows[at % 2000].replaceWith(tr);
    at++;
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
</script>`;

/** A 10,000-link article with a counter that ticks at 10 Hz. */
export const ARTICLE = `<!doctype html><title>article</title><body><main><article><h1>News</h1>
<p>Updated <span id="n">0</span> times</p>
<div id="links"></div></article></main>
<script>
const links = document.getElementById('links');
const html = [];
for (let i = 0; i < 10000; i++) html.push('<p>Item ' + i + ' <a href="/story/' + i + '">read</a></p>');
links.innerHTML = html.join('');
let n = 0;
setInterval(() => { document.getElementById('n').textContent = String(++n); }, 100);
</script>`;

/** A page holding 50 small iframes (srcdoc), timed to its load event. */
export const FRAMES = `<!doctype html><title>frames</title><body>${Array.from(
  { length: 50 },
  (_, i) =>
    `<iframe width="120" height="40" srcdoc="<p>Ad ${i} <a href='https://ads.example/${i}'>go</a></p>"></iframe>`,
).join('')}`;
