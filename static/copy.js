// whosaid: copy-citation buttons on speaker pages. The page works without this script.
(function () {
  "use strict";

  // Copy-citation buttons: the speaker, the quote, the article, the quote's link.
  function setupCopy(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll(".quote button.copy").forEach(function (button) {
      var quote = button.closest(".quote");
      var group = button.closest("[data-cite]");
      var name = document.querySelector("h1");
      if (!quote || !group || !name) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var words = quote.querySelector("blockquote, q").textContent.replace(/^“|”$/g, "").replace(/[,\s]+$/, "");
        var url = location.origin + location.pathname + "#" + quote.id;
        var text = name.textContent + ", “" + words + "”, in " + group.getAttribute("data-cite") + ". " + url;
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
