/* Old browsers without ResizeObserver: load the local polyfill before Material's
 * bundle runs, so the bundle never fetches it from unpkg.com. Synchronous on
 * purpose (document.write during parsing); modern browsers skip it entirely. */
(function () {
  if (typeof window.ResizeObserver !== "undefined") return;
  var scripts = document.getElementsByTagName("script");
  var self = document.currentScript || scripts[scripts.length - 1];
  var src = self && self.getAttribute("data-polyfill");
  if (src) document.write('<script src="' + src.replace(/"/g, "&quot;") + '"><\/script>');
})();
