import embed from "npm:vega-embed";

/**
 * Renders a Vega-Lite spec with vega-embed (SVG renderer) inside a <figure>, with a one-sentence
 * `summary` as its caption for screen readers and skimmers.
 */
export function vegaChart(spec, {summary}) {
  const figure = document.createElement("figure");
  figure.className = "pw-chart";
  const view = figure.appendChild(document.createElement("div"));
  view.setAttribute("role", "img");
  view.setAttribute("aria-label", summary);
  view.style.width = "100%";
  const caption = figure.appendChild(document.createElement("figcaption"));
  caption.textContent = summary;
  embed(view, spec, {actions: false, renderer: "svg"}).catch((error) => {
    console.error(error);
    view.textContent = `图表无法显示:${error.message}`;
  });
  return figure;
}
