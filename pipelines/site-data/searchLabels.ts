/**
 * A small script for every page's <head> that puts Framework's search box in Chinese: its
 * placeholder (搜索) and its result counts ("2 results" → 找到 2 个页面, "no results" → 没有找到).
 * Framework writes those in English and has no option for them; the script rewrites them as they appear.
 */
export const SEARCH_LABELS_SCRIPT = `<script type="module">
const box = document.querySelector("#observablehq-search input");
if (box) box.placeholder = "搜索";
const results = document.querySelector("#observablehq-search-results");
const relabel = () => {
  const head = results?.firstElementChild;
  if (!head || head.tagName !== "DIV") return;
  const m = /^([\\d,]+) results?$/.exec(head.textContent);
  const text = m ? \`找到 \${m[1]} 个页面\` : head.textContent === "no results" ? "没有找到" : null;
  if (text && head.textContent !== text) head.textContent = text;
};
if (results) new MutationObserver(relabel).observe(results, {childList: true, subtree: true});
</script>`;
