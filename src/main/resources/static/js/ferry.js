// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // "Select all" for the inbox list: the box is hidden in the HTML and shown here, where it can work.
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    var form = all.form;
    var boxes = form ? form.querySelectorAll('input[type=checkbox][name=ids]') : [];
    if (boxes.length === 0) {
      return;
    }
    all.closest('label').hidden = false;
    all.addEventListener('change', function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
  });

  showTimesInTheReadersZone();
  letWideTablesScrollByKeyboard();
  foldFiltersOnAPhone();
  focusWhatNeedsCorrecting();
});

// Times: the server writes UTC, labelled. A reviewer reads them in their own zone, the one their computer is set
// to, with the zone named; the UTC time stays in the title, for comparing with logs and other systems.
function showTimesInTheReadersZone() {
  var shown;
  var zoneName;
  try {
    shown = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit',
      minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    // en-US knows more zones by their short names (EST, PST); en-GB says GMT-5 where it does not
    zoneName = function (date) {
      var names = ['en-US', 'en-GB'].map(function (locale) {
        var part = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(date)
          .filter(function (p) { return p.type === 'timeZoneName'; })[0];
        return part ? part.value : '';
      });
      return names[0] && names[0].indexOf('GMT') !== 0 ? names[0] : names[1];
    };
  } catch (e) {
    return; // an old browser keeps the UTC times, which say their zone
  }
  document.querySelectorAll('time[data-local]').forEach(function (time) {
    var date = new Date(time.getAttribute('datetime'));
    if (isNaN(date.getTime())) {
      return;
    }
    time.textContent = shown.format(date) + ' ' + zoneName(date);
  });
}

// After a refused form the page comes back with the errors marked: the keyboard and the screen reader start at
// the first field to correct (or at the message, when no field is marked), not at the top of the page.
function focusWhatNeedsCorrecting() {
  // only after a refusal: an order flagged as invalid also opens with its faults marked, and is read from the top
  if (!document.querySelector('main .flash-problem, main [data-refused]')) {
    return;
  }
  var field = document.querySelector('main [aria-invalid="true"]');
  if (field) {
    var closed = field.closest('details');
    if (closed) {
      closed.open = true;
    }
    field.focus();
    return;
  }
  var problem = document.querySelector('main .flash-problem');
  if (problem) {
    problem.setAttribute('tabindex', '-1');
    problem.focus();
  }
}

// A table wider than the screen scrolls sideways in its own box: that box must take the keyboard's focus, or a
// keyboard user cannot scroll it, and then it is a named region ("Timeline table, scrolls sideways"). Boxes that
// fit stay plain and out of the tab order. Checked again when the window changes size.
function letWideTablesScrollByKeyboard() {
  var check = function () {
    document.querySelectorAll('.table-scroll').forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', (box.getAttribute('data-scroll-label') || 'Table') + ' table, scrolls sideways');
      } else {
        ['tabindex', 'role', 'aria-label'].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  };
  check();
  window.addEventListener('resize', check);
}

// The filters fold away on a phone, so the list is what the page starts with; one tap opens them again.
function foldFiltersOnAPhone() {
  if (window.matchMedia && window.matchMedia('(max-width: 600px)').matches) {
    document.querySelectorAll('details[data-fold-on-phone]').forEach(function (panel) {
      panel.open = false;
    });
  }
}
