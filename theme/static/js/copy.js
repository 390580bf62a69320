/* Share kit: a "Copy" button beside each read-only field (page link, badge HTML code).
   Without JavaScript the fields stay plain selectable text; the result is announced in the
   kit's status line (role="status"). Served from the site itself, as the CSP requires. */
(function () {
  "use strict";
  var kit = document.querySelector(".share-kit[data-copy-button]");
  if (!kit) { return; }
  var status = kit.querySelector(".copy-status");
  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }
  function fallback(field) {
    field.focus();
    field.select();
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }
  function mark(button) {
    kit.querySelectorAll("button.copy-button").forEach(function (other) {
      var word = other === button ? kit.dataset.copiedButton : kit.dataset.copyButton;
      other.textContent = word;
      other.setAttribute("aria-label", word + ": " + other.dataset.copyName);
    });
  }
  function copy(field, name, button) {
    var text = field.value;
    var done = function () { mark(button); announce(name + ": " + kit.dataset.copied); };
    var failed = function () { field.focus(); field.select(); announce(kit.dataset.copyFailed); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { (fallback(field) ? done : failed)(); });
    } else {
      (fallback(field) ? done : failed)();
    }
  }
  kit.querySelectorAll(".copy-source").forEach(function (field) {
    var label = kit.querySelector('label[for="' + field.id + '"]');
    var name = label ? label.textContent.trim() : "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = kit.dataset.copyButton;
    button.setAttribute("aria-label", kit.dataset.copyButton + ": " + name);
    button.dataset.copyFor = field.id;
    button.dataset.copyName = name;
    button.addEventListener("click", function () { copy(field, name, button); });
    field.insertAdjacentElement("afterend", button);
  });
}());
