import embed from "npm:vega-embed";
import {toCsv} from "./csv.js";

/**
 * Renders a Vega-Lite spec with vega-embed (SVG renderer) inside a <figure>: the chart, a
 * one-sentence `summary` as its caption (for screen readers and skimmers), and buttons that
 * download its data as CSV (UTF-8 with BOM) and the chart as SVG and PNG. `name` names the files;
 * `data` (default: the spec's inline values) is what the CSV holds.
 */
export function vegaChart(spec, {summary, name = "chart", data = spec.data?.values ?? []}) {
  const figure = document.createElement("figure");
  figure.className = "pw-chart";
  const view = figure.appendChild(document.createElement("div"));
  view.className = "pw-chart-view";
  view.setAttribute("role", "img");
  view.setAttribute("aria-label", summary);
  const caption = figure.appendChild(document.createElement("figcaption"));
  caption.textContent = summary;
  const actions = figure.appendChild(document.createElement("div"));
  actions.className = "pw-chart-actions";
  const button = (label, onclick) => {
    const b = actions.appendChild(document.createElement("button"));
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onclick);
    return b;
  };
  button("下载数据 CSV", () => download(new Blob([toCsv(data)], {type: "text/csv;charset=utf-8"}), `${name}.csv`));
  const rendered = embed(view, spec, {actions: false, renderer: "svg"});
  button("下载 SVG", async () => {
    const {view: v} = await rendered;
    download(new Blob([await v.toSVG()], {type: "image/svg+xml"}), `${name}.svg`);
  });
  button("下载 PNG", async () => {
    const {view: v} = await rendered;
    const a = document.createElement("a");
    a.href = await v.toImageURL("png", 2);
    a.download = `${name}.png`;
    a.click();
  });
  rendered.catch((error) => {
    console.error(error);
    view.textContent = `图表无法显示:${error.message}`;
  });
  return figure;
}

function download(blob, filename) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
