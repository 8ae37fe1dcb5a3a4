// "Kopieren" buttons for the seal snippet. Without JavaScript the buttons stay hidden and
// the code can be selected in its field as usual.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.copyTarget);
      var status = document.getElementById(button.dataset.copyStatus);
      field.focus();
      field.select();
      var done = function () { status.textContent = button.dataset.copied; };
      var failed = function () { status.textContent = button.dataset.failed; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, failed);
      } else {
        try { (document.execCommand("copy") ? done : failed)(); } catch (e) { failed(); }
      }
    });
  });
})();
