// The local chat page: Bot Framework Web Chat connected to this bot through a small
// directLine-compatible object that posts each activity to /api/messages with
// deliveryMode "expectReplies" and shows the replies from the response body.
// One conversation per browser tab, kept in sessionStorage so a reload continues it.
(function () {
  'use strict';

  var STORE_KEY = 'natural-therapy-chat';

  // The page's own words in the browser's language (the bot answers in it too: every activity carries the
  // browser's locale). Web Chat translates its own controls from the same locale.
  var PAGE_TEXT = {
    en: {
      title: 'Natural Therapy Answers',
      tagline: 'Evidence-rated answers about natural therapies. General information, not medical advice.',
      skip: 'Skip to the message box',
      chat: 'Chat with the natural therapy bot',
      you: 'You',
      unreachable: 'Sorry, I could not reach the bot. Please try again in a moment.',
    },
    es: {
      title: 'Respuestas sobre terapias naturales',
      tagline: 'Respuestas sobre terapias naturales con la solidez de las pruebas. Información general, no consejo médico.',
      skip: 'Ir al cuadro de mensaje',
      chat: 'Chat con el bot de terapias naturales',
      you: 'Usted',
      unreachable: 'Lo siento, no he podido comunicarme con el bot. Vuelva a intentarlo en un momento.',
    },
    fr: {
      title: 'Réponses sur les thérapies naturelles',
      tagline: 'Des réponses sur les thérapies naturelles, avec le niveau de preuve. Informations générales, pas un avis médical.',
      skip: 'Aller à la zone de message',
      chat: 'Discussion avec le bot des thérapies naturelles',
      you: 'Vous',
      unreachable: "Désolé, je n'ai pas pu joindre le bot. Veuillez réessayer dans un instant.",
    },
  };
  var LOCALE = navigator.language || 'en-US';
  var LANGUAGE = LOCALE.toLowerCase().split('-')[0];
  var TEXT = PAGE_TEXT[LANGUAGE] || PAGE_TEXT.en;
  var BOT = { id: 'bot', name: TEXT.title, role: 'bot' };

  /** The page's header, skip link and landmarks in the page's language. */
  function translatePage() {
    document.documentElement.lang = PAGE_TEXT[LANGUAGE] ? LANGUAGE : 'en';
    document.title = TEXT.title;
    document.querySelector('h1').textContent = TEXT.title;
    document.querySelector('.tagline').textContent = TEXT.tagline;
    document.getElementById('skip-to-input').textContent = TEXT.skip;
    document.getElementById('webchat').setAttribute('aria-label', TEXT.chat);
  }
  translatePage();

  // In a help page's embed (/embed, in an iframe): no page header (the embed has its own), and Escape asks
  // the host page to close the panel, since a key pressed in here never reaches it.
  var EMBEDDED = window.location.pathname === '/embed';
  var STARTING_CONTEXT = (new window.URLSearchParams(window.location.search).get('context') || '').slice(0, 200);
  // The host page's origin: only it gets the conversation's token to keep (frame-ancestors lets only allowed
  // sites frame this page at all).
  var HOST_ORIGIN =
    EMBEDDED && window.location.ancestorOrigins && window.location.ancestorOrigins.length > 0
      ? window.location.ancestorOrigins[0]
      : EMBEDDED && document.referrer
        ? new window.URL(document.referrer).origin
        : '';
  if (EMBEDDED) {
    document.body.classList.add('embedded');
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && window.parent !== window) window.parent.postMessage({ type: 'natural-therapy-chat:close' }, '*');
    });
    // Shown again by the host page: the message box takes the keys.
    window.addEventListener('message', function (event) {
      if (event.source !== window.parent || !event.data || event.data.type !== 'natural-therapy-chat:opened') return;
      whenSendBox(function (box) {
        box.focus();
      }, 40);
    });
  }

  /** A minimal Observable: what Web Chat needs from activity$, connectionStatus$ and postActivity. */
  function Observable(subscribe) {
    this._subscribe = subscribe;
  }
  Observable.prototype.subscribe = function (observerOrNext, error, complete) {
    var observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : observerOrNext || {};
    var closed = false;
    var safe = {
      next: function (value) {
        if (!closed && observer.next) observer.next(value);
      },
      error: function (e) {
        if (!closed && observer.error) observer.error(e);
        closed = true;
      },
      complete: function () {
        if (!closed && observer.complete) observer.complete();
        closed = true;
      },
    };
    var teardown = this._subscribe(safe);
    return {
      unsubscribe: function () {
        closed = true;
        if (typeof teardown === 'function') teardown();
      },
    };
  };
  if (typeof Symbol === 'function' && Symbol.observable) {
    Observable.prototype[Symbol.observable] = function () {
      return this;
    };
  }

  function randomId() {
    return window.crypto && window.crypto.randomUUID
      ? window.crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  /** What this tab keeps under `key`; null when nothing is kept, the entry is corrupt or storage is denied (an
   * embed's iframe). */
  function stored(key) {
    try {
      return JSON.parse(window.sessionStorage.getItem(key) || 'null');
    } catch {
      return null;
    }
  }

  /** Keeps `value` for this tab; storage full or denied keeps nothing (a reload then starts a new conversation). */
  function store(key, value) {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* nothing kept */
    }
  }

  function loadSession() {
    var saved = stored(STORE_KEY);
    if (saved && saved.conversationId && Array.isArray(saved.history)) return { session: saved, isNew: false };
    return { session: { conversationId: 'webchat-' + randomId(), userId: 'user-' + randomId(), history: [] }, isNew: true };
  }

  function saveSession(session) {
    store(STORE_KEY, session);
  }

  function createLocalDirectLine(session) {
    var listeners = [];
    var user = { id: session.userId, name: TEXT.you, role: 'user' };

    function emit(activity, remember) {
      if (remember) {
        session.history.push(activity);
        saveSession(session);
      }
      listeners.slice().forEach(function (listener) {
        listener.next(activity);
      });
    }

    function send(activity) {
      var outgoing = Object.assign({}, activity, {
        id: activity.id || randomId(),
        channelId: 'webchat',
        serviceUrl: window.location.origin,
        deliveryMode: 'expectReplies',
        conversation: { id: session.conversationId },
        from: user,
        recipient: BOT,
        timestamp: new Date().toISOString(),
        locale: LOCALE,
      });
      return fetch('/api/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(outgoing),
      })
        .then(function (response) {
          if (response.ok) return response.text();
          // A refusal (429, 503) carries a sentence for the person; anything else gets the page's own.
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (body) {
              var error = new Error('The bot answered ' + response.status);
              error.personMessage = body && typeof body.message === 'string' ? body.message : undefined;
              throw error;
            });
        })
        .then(function (body) {
          var replies = body ? JSON.parse(body).activities || [] : [];
          replies.forEach(function (reply) {
            emit(
              Object.assign({}, reply, {
                id: reply.id || randomId(),
                from: Object.assign({}, BOT, reply.from, { role: 'bot' }),
                timestamp: reply.timestamp || new Date().toISOString(),
              }),
              reply.type === 'message',
            );
          });
        });
    }

    var directLine = {
      activity$: new Observable(function (observer) {
        listeners.push(observer);
        // Replay this tab's conversation after a reload.
        session.history.forEach(function (activity) {
          observer.next(activity);
        });
        return function () {
          listeners = listeners.filter(function (l) {
            return l !== observer;
          });
        };
      }),
      connectionStatus$: new Observable(function (observer) {
        observer.next(0);
        observer.next(1);
        observer.next(2);
      }),
      postActivity: function (activity) {
        return new Observable(function (observer) {
          var id = randomId();
          if (activity.type === 'message') {
            // Web Chat shows a message as sent once it sees it come back.
            emit(Object.assign({}, activity, { id: id, from: user, timestamp: new Date().toISOString() }), true);
            emit({ type: 'typing', id: randomId(), from: BOT, timestamp: new Date().toISOString() }, false);
          }
          // The bot's replies name this id in replyToId; Web Chat orders them after the echo.
          send(Object.assign({}, activity, { id: id })).then(
            function () {
              observer.next(id);
              observer.complete();
            },
            function (error) {
              emit(
                {
                  type: 'message',
                  id: randomId(),
                  from: BOT,
                  timestamp: new Date().toISOString(),
                  text: error.personMessage || TEXT.unreachable,
                },
                false,
              );
              observer.error(error);
            },
          );
        });
      },
      end: function () {
        listeners = [];
      },
    };
    return directLine;
  }

  /**
   * The feedback buttons show the rating that stands. Web Chat marks every card button once pressed
   * (aria-pressed, its accent colour) and never unmarks it; the bot counts one rating per answer and person,
   * the latest winning, so when one feedback button is pressed the other is unmarked, after Web Chat's own
   * click handling. The chosen one also gets a tick, so the mark is not colour alone.
   */
  function markFeedback(button) {
    var group = button.closest('.ac-actionSet') || button.parentElement;
    Array.prototype.forEach.call(group.querySelectorAll('button'), function (other) {
      other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
      other.classList.toggle('feedback-chosen', other === button);
    });
  }

  var feedbackMarks = function () {
    return function (next) {
      return function (action) {
        var value = action.cardAction && action.cardAction.value;
        // Web Chat does not say which element was clicked: it is the focused button.
        var focused = document.activeElement;
        var button = focused && focused.closest ? focused.closest('button') : null;
        if (value && typeof value === 'object' && value.feedback && button) {
          window.setTimeout(function () {
            markFeedback(button);
          }, 0);
        }
        return next(action);
      };
    };
  };

  /** Web Chat on the page, talking through `directLine`; `userID` only for the local client (a token names its user). */
  function render(directLine, userID) {
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        cardActionMiddleware: feedbackMarks,
        userID: userID,
        username: TEXT.you,
        locale: LOCALE,
        styleOptions: {
          accent: '#2f6b4f',
          botAvatarInitials: 'NT',
          hideUploadButton: true,
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          bubbleFromUserBackground: '#e3f0e8',
          suggestedActionLayout: 'flow',
        },
      },
      document.getElementById('webchat'),
    );
  }

  /** No token server (a local machine): the page posts to /api/messages itself. */
  function startLocal() {
    var loaded = loadSession();
    saveSession(loaded.session);
    var directLine = createLocalDirectLine(loaded.session);
    render(directLine, loaded.session.userId);
    // A new conversation gets the bot's welcome, as Web Chat on Azure does when a person joins; in the embed,
    // with the host page's starting context (the help article's topic), which the bot keeps as what the
    // conversation is about.
    if (loaded.isNew) {
      var join = { type: 'conversationUpdate', membersAdded: [{ id: loaded.session.userId, name: TEXT.you }] };
      if (EMBEDDED && STARTING_CONTEXT) join.value = { context: STARTING_CONTEXT };
      directLine.postActivity(join).subscribe({
        error: function () {
          /* the page says so when the bot is unreachable */
        },
      });
    }
  }

  var DIRECT_LINE_KEY = STORE_KEY + '-direct-line';
  function postJson(path, body) {
    return window.fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  }
  function asSession(token, previous) {
    return {
      token: token.token,
      conversationId: token.conversationId,
      userId: token.userId || (previous && previous.userId),
      domain: token.domain || (previous && previous.domain),
      lifetimeMs: token.expires_in * 1000,
      expiresAt: Date.now() + token.expires_in * 1000,
    };
  }

  /**
   * With a token server (production): this tab's conversation again, its token refreshed, when one is kept and
   * still valid (a reload continues it); else a new conversation's token. Null without a token server (404).
   */
  function directLineSession(handedOver) {
    var fresh = function () {
      return postJson('/api/directline/token').then(function (res) {
        if (res.status === 404) return null;
        if (!res.ok) throw new Error('token server answered ' + res.status);
        return res.json().then(function (token) {
          return { session: asSession(token), isNew: true };
        });
      });
    };
    // In an embed, the host page keeps the conversation: the iframe is denied storage of its own.
    var kept = handedOver || stored(DIRECT_LINE_KEY);
    if (!kept || !(kept.expiresAt - Date.now() > 60000)) return fresh();
    return postJson('/api/directline/refresh', { token: kept.token }).then(function (res) {
      if (!res.ok) return fresh();
      return res.json().then(function (token) {
        return { session: asSession(token, kept), isNew: false };
      });
    }, fresh);
  }

  function keep(session) {
    store(DIRECT_LINE_KEY, session);
    // In an embed, browsers deny this iframe storage: the host page keeps the way back in for it.
    if (EMBEDDED && HOST_ORIGIN) window.parent.postMessage({ type: 'natural-therapy-chat:session', session: session }, HOST_ORIGIN);
  }

  /** In an embed: the conversation the host page kept for this tab (asked for; nothing after a second). */
  function handedOverSession() {
    if (!EMBEDDED || !HOST_ORIGIN) return Promise.resolve(null);
    return new Promise(function (resolve) {
      var timer = window.setTimeout(function () {
        resolve(null);
      }, 1000);
      window.addEventListener('message', function listener(event) {
        if (event.source !== window.parent || event.origin !== HOST_ORIGIN) return;
        if (!event.data || event.data.type !== 'natural-therapy-chat:resume') return;
        window.removeEventListener('message', listener);
        window.clearTimeout(timer);
        resolve(event.data.session || null);
      });
      window.parent.postMessage({ type: 'natural-therapy-chat:ready' }, HOST_ORIGIN);
    });
  }

  /** Web Chat's own Direct Line client with the token; it refreshes the token itself, and the page keeps the newest. */
  function startDirectLine(started) {
    var session = started.session;
    keep(session);
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: session.domain,
      conversationId: started.isNew ? undefined : session.conversationId,
      webSocket: false,
    });
    window.setInterval(function () {
      if (directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        session.expiresAt = Date.now() + session.lifetimeMs;
        keep(session);
      }
    }, 10000);
    render(directLine);
    if (started.isNew && EMBEDDED && STARTING_CONTEXT) {
      directLine
        .postActivity({ type: 'event', name: 'startingContext', value: { context: STARTING_CONTEXT }, from: { id: session.userId } })
        .subscribe({ error: function () {} });
    }
  }

  var tokenServer = document.querySelector('meta[name="natural-therapy-token-server"]');
  if (!tokenServer || tokenServer.getAttribute('content') !== 'on') startLocal();
  else
    handedOverSession()
      .then(directLineSession)
      .then(
        function (started) {
          if (started) startDirectLine(started);
          else startLocal();
        },
        function () {
          // The token server failed: the local client at least tells the person the bot cannot be reached.
          startLocal();
        },
      );

  /** The message box, once Web Chat has drawn it. */
  function whenSendBox(use, triesLeft) {
    var box = document.querySelector('[data-id="webchat-sendbox-input"]');
    if (box) use(box);
    else if (triesLeft > 0)
      window.setTimeout(function () {
        whenSendBox(use, triesLeft - 1);
      }, 50);
  }
  // Keyboard users reach the message box at once: the skip link is the first stop, and with a mouse or a
  // trackpad (not on a phone, where focus would open the keyboard) the box has focus from the start.
  document.getElementById('skip-to-input').addEventListener('click', function (event) {
    event.preventDefault();
    whenSendBox(function (box) {
      box.focus();
    }, 40);
  });
  // In the embed the person has just opened the chat: the message box takes the keys at once.
  if (EMBEDDED || window.matchMedia('(pointer: fine)').matches) {
    whenSendBox(function (box) {
      box.focus();
    }, 40);
  }
})();
