// whosaid: copy-citation buttons on speaker pages. The page works without this script.
(function () {
  "use strict";

  // Copy-citation buttons: the speaker, the quote, the article, the quote's link.
  function setupCopy(root) {
    if (!navigator.clipboard) return;
    var name = document.querySelector("h1");
    root.querySelectorAll("button.copy[data-anchor]").forEach(function (button) {
      var group = button.closest("[data-cite]");
      if (!group || !name) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = location.origin + location.pathname + location.search + "#" + button.getAttribute("data-anchor");
        var text = name.textContent + ", “" + button.getAttribute("data-words") + "”, in " +
          group.getAttribute("data-cite") + ". " + url;
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy citation"; }, 2000);
        }, function () {
          button.textContent = "Copy failed";
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setupCopy(document); });
})();
