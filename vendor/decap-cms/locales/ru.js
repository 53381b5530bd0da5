// Completes Decap CMS's own Russian (ru) interface strings; egiz's file, not the package's.
// The bundle's ru (upstream-locales/ru.js) lacks some keys, which Decap would show in
// English, keeps English in others, gives two plural forms where Russian needs three
// (Polyglot's Russian rule: 1 / 2–4 / 5+) and calls a content language a "region". This adds
// and fixes those keys and leaves the rest as upstream has them. Load after decap-cms.js and before CMS.init();
// scripts/check-decap-locale.mjs ru checks the result against English.
(function () {
  var fixes = {
    auth: {
      loginWithForgejo: 'Войти через Forgejo',
    },
    collection: {
      collectionTop: {
        // A plain plus: common fonts have no glyph for upstream's fullwidth ＋ (U+FF0B).
        newButton: '+ %{collectionLabel}',
        viewAsList: 'Показать списком',
        viewAsGrid: 'Показать плиткой',
      },
      entries: {
        unpublishedHeader: 'Неопубликованные записи',
      },
    },
    editor: {
      editorControl: {
        field: {
          widgetLabel: 'Поле «%{widgetLabel}»',
        },
      },
      editorControlPane: {
        // Upstream says "region" for a content language, which misleads on a bilingual site.
        i18n: {
          writingInLocale: 'Язык записи: %{locale}',
          copyFromLocale: 'Заполнить из другого языка',
          copyFromLocaleConfirm:
            'Заполнить данными на языке %{locale}?\nВсё текущее содержимое будет перезаписано.',
        },
      },
      editorInterface: {
        toggleNotes: 'Показать/скрыть заметки',
      },
      editorNotesPane: {
        title: 'Заметки',
        emptyState: 'Заметок пока нет. Добавьте первую заметку ниже, чтобы начать совместную работу.',
        addNote: 'Добавить заметку',
        addPlaceholder: 'Напишите заметку...',
        editPlaceholder: 'Измените заметку...',
        save: 'Сохранить',
        cancel: 'Отмена',
        edit: 'Изменить',
        delete: 'Удалить',
        resolve: 'Отметить как решённую',
        unresolve: 'Открыть снова',
        confirmDelete: 'Вы уверены, что хотите удалить эту заметку?',
        shortcut: 'Совет: нажмите Ctrl+Enter, чтобы быстро добавить заметку',
      },
      editorToolbar: {
        backCollection: ' Запись в коллекцию %{collectionLabel}',
      },
      editorWidgets: {
        markdown: {
          strikethrough: 'Зачёркнутый',
          toggleMode: {
            rich: 'Переключиться в режим форматированного текста',
            markdown: 'Переключиться в режим Markdown',
          },
        },
        headingOptions: {
          headingOne: 'Заголовок 1',
          headingTwo: 'Заголовок 2',
          headingThree: 'Заголовок 3',
          headingFour: 'Заголовок 4',
          headingFive: 'Заголовок 5',
          headingSix: 'Заголовок 6',
        },
        datetime: {
          setToNow: 'Поставить текущее время в поле «%{fieldLabel}»',
        },
        object: {
          expand: 'Развернуть',
          collapse: 'Свернуть',
        },
      },
    },
    mediaLibrary: {
      mediaLibraryModal: {
        close: 'Закрыть',
      },
    },
    ui: {
      settingsDropdown: {
        account: 'Меню учётной записи',
      },
      toast: {
        noteAdded: 'Заметка добавлена',
        onFailToAddNote: 'Не удалось добавить заметку: %{details}',
        noteUpdated: 'Заметка обновлена',
        onFailToUpdateNote: 'Не удалось обновить заметку: %{details}',
        noteDeleted: 'Заметка удалена',
        onFailToDeleteNote: 'Не удалось удалить заметку: %{details}',
        noteResolved: 'Заметка отмечена как решённая',
        noteReopened: 'Заметка открыта снова',
        onFailToToggleNote: 'Не удалось изменить состояние заметки: %{details}',
      },
    },
    workflow: {
      workflow: {
        description:
          'Число записей, ожидающих проверки — %{smart_count}, готовых к публикации — %{readyCount}. |||| Число записей, ожидающих проверки — %{smart_count}, готовых к публикации — %{readyCount}. |||| Число записей, ожидающих проверки — %{smart_count}, готовых к публикации — %{readyCount}. ',
        dateFormat: 'DD.MM.YYYY',
      },
      workflowList: {
        currentEntries: '%{smart_count} запись |||| %{smart_count} записи |||| %{smart_count} записей',
      },
    },
  };

  function merge(base, extra) {
    var out = {};
    var key;
    for (key in base) out[key] = base[key];
    for (key in extra) {
      var b = out[key];
      var e = extra[key];
      out[key] =
        b && typeof b === 'object' && e && typeof e === 'object' ? merge(b, e) : e;
    }
    return out;
  }

  CMS.registerLocale('ru', merge(CMS.getLocale('ru') || {}, fixes));
})();
