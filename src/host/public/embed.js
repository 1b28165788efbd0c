// The embed for any help page: one script tag adds a launcher button and a chat panel whose chat is an
// iframe served by the bot, so neither site's CSS reaches the other's.
//
//   <script src="https://bot.example.org/embed.js" data-title="Ask about natural therapies"
//           data-context="craniosacral therapy" async></script>
//
// The panel is a modal dialog: focus stays in it while it is open (Tab cycles through its close button and
// the chat), Escape closes it (the chat posts Escape up to here), and focus returns to the launcher. It is
// styled through the CSSOM only, so a host page's Content-Security-Policy needs to allow nothing but the
// bot's origin (script-src and frame-src). Nothing is loaded from anywhere else.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__naturalTherapyChat) return;
  window.__naturalTherapyChat = true;
  var BOT_ORIGIN = new window.URL(script.src).origin;
  var TITLE = script.getAttribute('data-title') || 'Ask about natural therapies';
  var CONTEXT = (script.getAttribute('data-context') || '').slice(0, 200);
  var CLOSE_LABEL = script.getAttribute('data-close-label') || 'Close the chat';
  var ACCENT = '#2f6b4f';
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function styled(tag, style, attributes) {
    var element = document.createElement(tag);
    Object.keys(style).forEach(function (name) {
      element.style.setProperty(name, style[name]);
    });
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    return element;
  }

  var font = "'Segoe UI', system-ui, -apple-system, sans-serif";
  var launcher = styled(
    'button',
    {
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      'z-index': '2147483000',
      padding: '12px 18px',
      border: '2px solid #fff',
      'border-radius': '24px',
      background: ACCENT,
      color: '#fff',
      font: '600 16px/1.2 ' + font,
      cursor: 'pointer',
      'box-shadow': '0 2px 8px rgba(0,0,0,.3)',
    },
    { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'natural-therapy-chat-panel' },
  );
  launcher.textContent = TITLE;

  var panel = styled(
    'div',
    {
      position: 'fixed',
      right: '16px',
      bottom: '80px',
      width: '380px',
      height: '600px',
      'max-height': 'calc(100vh - 96px)',
      'z-index': '2147483001',
      display: 'none',
      'flex-direction': 'column',
      background: '#fff',
      border: '1px solid #6b7c72',
      'border-radius': '8px',
      'box-shadow': '0 4px 16px rgba(0,0,0,.3)',
      overflow: 'hidden',
    },
    { id: 'natural-therapy-chat-panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': TITLE },
  );
  var header = styled('div', {
    display: 'flex',
    'align-items': 'center',
    'justify-content': 'space-between',
    padding: '8px 8px 8px 14px',
    background: ACCENT,
    color: '#fff',
    font: '600 16px/1.2 ' + font,
  });
  var heading = styled('span', {});
  heading.textContent = TITLE;
  var close = styled(
    'button',
    {
      'min-width': '44px',
      'min-height': '44px',
      border: '2px solid transparent',
      'border-radius': '4px',
      background: 'transparent',
      color: '#fff',
      font: '600 22px/1 ' + font,
      cursor: 'pointer',
    },
    { type: 'button', 'aria-label': CLOSE_LABEL },
  );
  close.textContent = '\u00d7';
  var frame = styled('iframe', { flex: '1', width: '100%', border: '0' }, { title: TITLE });
  var FRAME_SRC = BOT_ORIGIN + '/embed' + (CONTEXT ? '?context=' + encodeURIComponent(CONTEXT) : '');
  // Focus that leaves the panel while it is open lands on one of these and is sent back in.
  var before = styled('span', { position: 'fixed', width: '1px', height: '1px', overflow: 'hidden' }, { tabindex: '0' });
  var after = before.cloneNode();
  header.appendChild(heading);
  header.appendChild(close);
  panel.appendChild(before);
  panel.appendChild(header);
  panel.appendChild(frame);
  panel.appendChild(after);

  /** Full screen on a phone; a floating panel elsewhere. */
  function fitToScreen() {
    var phone = window.innerWidth < 480;
    panel.style.setProperty('right', phone ? '0' : '16px');
    panel.style.setProperty('bottom', phone ? '0' : '80px');
    panel.style.setProperty('width', phone ? '100%' : '380px');
    panel.style.setProperty('height', phone ? '100%' : '600px');
    panel.style.setProperty('max-height', phone ? '100%' : 'calc(100vh - 96px)');
    panel.style.setProperty('border-radius', phone ? '0' : '8px');
    panel.style.setProperty('border', phone ? '0' : '1px solid #6b7c72');
  }

  var open = false;
  function show() {
    open = true;
    fitToScreen();
    panel.style.setProperty('display', 'flex');
    if (!reducedMotion) {
      panel.style.setProperty('opacity', '0');
      panel.style.setProperty('transition', 'opacity 150ms ease-out');
      window.requestAnimationFrame(function () {
        panel.style.setProperty('opacity', '1');
      });
    }
    launcher.setAttribute('aria-expanded', 'true');
    launcher.style.setProperty('display', 'none');
    frame.focus();
    // The chat loads on first opening, so a page whose visitors never open it loads nothing more; once
    // loaded, it is told it is shown again, so its message box takes the keys.
    if (!frame.getAttribute('src')) frame.setAttribute('src', FRAME_SRC);
    else frame.contentWindow.postMessage({ type: 'natural-therapy-chat:opened' }, BOT_ORIGIN);
  }
  function hide() {
    open = false;
    panel.style.setProperty('display', 'none');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.style.setProperty('display', 'block');
    launcher.focus();
  }

  launcher.addEventListener('click', show);
  close.addEventListener('click', hide);
  before.addEventListener('focus', function () {
    frame.focus();
  });
  after.addEventListener('focus', function () {
    close.focus();
  });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
  document.addEventListener('focusin', function (event) {
    if (open && !panel.contains(event.target)) close.focus();
  });
  // The chat page posts Escape up, since a key pressed inside the iframe never reaches this page. Browsers deny
  // the iframe storage of its own, so this page keeps the way back into the conversation for this tab (its
  // id and token) and hands it back when the chat loads again: a reload continues the conversation.
  var SESSION_KEY = 'natural-therapy-chat';
  window.addEventListener('message', function (event) {
    if (event.origin !== BOT_ORIGIN || event.source !== frame.contentWindow || !event.data) return;
    if (event.data.type === 'natural-therapy-chat:close' && open) hide();
    if (event.data.type === 'natural-therapy-chat:session') {
      try {
        window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(event.data.session));
      } catch {
        /* storage disabled: a reload starts a new conversation */
      }
    }
    if (event.data.type === 'natural-therapy-chat:ready') {
      var session = null;
      try {
        session = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      } catch {
        /* nothing kept */
      }
      frame.contentWindow.postMessage({ type: 'natural-therapy-chat:resume', session: session }, BOT_ORIGIN);
    }
  });
  window.addEventListener('resize', function () {
    if (open) fitToScreen();
  });
  // Focus rings the host page's CSS cannot remove.
  [launcher, close].forEach(function (button) {
    button.addEventListener('focus', function () {
      button.style.setProperty('outline', '3px solid #ffbf47');
      button.style.setProperty('outline-offset', '2px');
    });
    button.addEventListener('blur', function () {
      button.style.removeProperty('outline');
    });
  });

  function mount() {
    document.body.appendChild(launcher);
    document.body.appendChild(panel);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
