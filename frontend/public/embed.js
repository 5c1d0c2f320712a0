/*
 * The embeddable event list as one line on another site (which must be in the Worker's
 * EMBED_ALLOWED_ORIGINS):
 *
 *   <script src="https://EXAMPLE/embed.js" data-audience="parents" data-lang="ar" data-limit="5" async></script>
 *
 * It puts an iframe of /embed (with the data-* filters: audience, organisation, format,
 * language, from, to, free, q, lang, limit; data-title names the frame for screen readers)
 * where the script stands, and makes the frame as tall as the list it shows.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var names = ["audience", "organisation", "format", "language", "from", "to", "free", "q", "lang", "limit"];
  var query = [];
  for (var i = 0; i < names.length; i++) {
    var value = script.getAttribute("data-" + names[i]);
    if (value) query.push(encodeURIComponent(names[i]) + "=" + encodeURIComponent(value));
  }
  var frame = document.createElement("iframe");
  frame.src = origin + "/embed" + (query.length ? "?" + query.join("&") : "");
  frame.title = script.getAttribute("data-title") || "Veranstaltungen";
  frame.loading = "lazy";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.minHeight = "20rem";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (data && data.type === "zusammen:embed-height" && typeof data.height === "number" && data.height > 0) {
      frame.style.height = Math.ceil(Math.min(data.height, 20000)) + "px";
    }
  });
})();
