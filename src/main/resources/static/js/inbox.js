// The inbox pages' worklist and safe actions, as progressive enhancement: every page works without this file,
// and the server keeps the same promises without it (docs/inbox.md, "Safe actions").
document.addEventListener('DOMContentLoaded', function () {
  // Enter in a field sends that field's own action: in the bulk discard reason, Discard selected. Without
  // script the form's first button (Replay selected) is sent, and the server refuses a replay that carries a reason.
  document.querySelectorAll('input[data-enter-submits]').forEach(function (input) {
    input.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter' || event.isComposing || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) {
        return;
      }
      var button = document.getElementById(input.getAttribute('data-enter-submits'));
      if (button && input.form) {
        event.preventDefault();
        input.form.requestSubmit(button);
      }
    });
  });

  var edit = document.getElementById('edit-form');
  var replay = document.getElementById('replay');
  if (edit && replay) {
    var fields = edit.querySelectorAll('input[type=text]');
    var save = edit.querySelector('.form-buttons button:not([name=then])');
    var label = replay.textContent;
    var dirty = function () {
      return Array.prototype.some.call(fields, function (field) { return field.value !== field.defaultValue; });
    };
    // the top button saves what was typed before it replays: say so while there is something to save
    edit.addEventListener('input', function () {
      replay.textContent = dirty() ? replay.getAttribute('data-dirty-label') : label;
    });
    // Enter in a correction saves it (the form's own first action), it never replays: the top button comes
    // first in the page, so without this Enter would replay (saving the corrections first)
    fields.forEach(function (field) {
      field.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && !event.isComposing && save) {
          event.preventDefault();
          edit.requestSubmit(save);
        }
      });
    });
    // the JSON editor is a form of its own: its changes cannot ride along, so ask before they are left behind
    var json = document.getElementById('order-json');
    replay.addEventListener('click', function (event) {
      if (json && json.value !== json.defaultValue
          && !window.confirm('The order as JSON has changes that are not saved. Replay without them?')) {
        event.preventDefault();
      }
    });
  }

  // "Correct the postal code": the field gets the focus with its text selected, so typing replaces it
  document.querySelectorAll('.worklist-fix a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var field = document.getElementById(link.getAttribute('href').slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
        field.select();
      }
    });
  });

  // after a save the page returns to #replay: the step that usually follows has the focus
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.matches('button, input, select, textarea')) {
      target.focus();
    }
  }
});
