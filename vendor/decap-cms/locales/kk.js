// Kazakh (kk) interface strings for Decap CMS; egiz's own file, not part of the npm package.
// Keys and %{placeholders} follow upstream-locales/en.js (decap-cms-locales, the version in
// ../manifest.json); scripts/check-decap-locale.mjs fails when they drift apart.
// Load after decap-cms.js and before CMS.init(); select with `locale: kk` in config.yml.
// Placeholders never carry a Kazakh suffix (its form depends on the word put in), so the
// sentences are built around them: «%{fieldLabel}» өрісі…, %{locale} тіліндегі…
// Polyglot counts Kazakh like English (one form for 1, the other for the rest); after a
// numeral a Kazakh noun stays singular, so both forms of each plural phrase are the same.
CMS.registerLocale('kk', {
  auth: {
    login: 'Кіру',
    loggingIn: 'Кіріп жатыр...',
    loginWithNetlifyIdentity: 'Netlify Identity арқылы кіру',
    loginWithAzure: 'Azure арқылы кіру',
    loginWithBitbucket: 'Bitbucket арқылы кіру',
    loginWithGitHub: 'GitHub арқылы кіру',
    loginWithGitLab: 'GitLab арқылы кіру',
    loginWithGitea: 'Gitea арқылы кіру',
    loginWithForgejo: 'Forgejo арқылы кіру',
    errors: {
      email: 'Электрондық поштаңызды енгізіңіз.',
      password: 'Құпиясөзіңізді енгізіңіз.',
      identitySettings:
        'Identity баптауларын ашу мүмкін болмады. git-gateway бэкендін пайдаланғанда Identity қызметі мен Git Gateway қосулы болуы керек.',
    },
  },
  app: {
    header: {
      content: 'Мазмұн',
      workflow: 'Жұмыс барысы',
      media: 'Медиа',
      quickAdd: 'Жылдам қосу',
    },
    app: {
      errorHeader: 'CMS баптауларын жүктеу кезінде қате шықты',
      configErrors: 'Баптаулардағы қателер',
      checkConfigYml: 'config.yml файлын тексеріңіз.',
      loadingConfig: 'Баптаулар жүктелуде...',
      waitingBackend: 'Сервер жауабы күтілуде...',
    },
    notFoundPage: {
      header: 'Табылмады',
    },
  },
  collection: {
    sidebar: {
      collections: 'Бөлімдер',
      allCollections: 'Барлық бөлімдер',
      searchAll: 'Барлығынан іздеу',
      searchIn: 'Іздеу аясы',
    },
    collectionTop: {
      sortBy: 'Сұрыптау',
      viewAs: 'Көрініс',
      viewAsList: 'Тізім түрінде көрсету',
      viewAsGrid: 'Тор түрінде көрсету',
      // A plain plus: common fonts have no glyph for the fullwidth ＋ (U+FF0B).
      newButton: '+ %{collectionLabel}',
      newButtonAriaLabel: 'Жаңа жазба құру: %{collectionLabel}',
      ascending: 'Өсу ретімен',
      descending: 'Кему ретімен',
      searchResults: '«%{searchTerm}» бойынша іздеу нәтижелері',
      searchResultsInCollection: '«%{collection}» бөліміндегі «%{searchTerm}» бойынша іздеу нәтижелері',
      filterBy: 'Сүзгі',
      groupBy: 'Топтау',
    },
    entries: {
      loadingEntries: 'Жазбалар жүктелуде...',
      cachingEntries: 'Жазбалар кэштелуде...',
      longerLoading: 'Бұл бірнеше минутқа созылуы мүмкін',
      noEntries: 'Жазбалар жоқ',
      unpublishedHeader: 'Жарияланбаған жазбалар',
    },
    groups: {
      other: 'Басқа',
      negateLabel: '%{label} емес',
    },
    defaultFields: {
      author: {
        label: 'Автор',
      },
      updatedOn: {
        label: 'Жаңартылған күні',
      },
    },
  },
  editor: {
    editorControl: {
      field: {
        optional: 'міндетті емес',
        widgetLabel: '%{widgetLabel} өрісі',
      },
    },
    editorControlPane: {
      widget: {
        required: '«%{fieldLabel}» өрісін толтыру міндетті.',
        regexPattern: '«%{fieldLabel}» өрісі үлгіге сәйкес келмейді: %{pattern}.',
        processing: '«%{fieldLabel}» өрісі өңделуде.',
        range: '«%{fieldLabel}» мәні %{minValue}–%{maxValue} аралығында болуы керек.',
        min: '«%{fieldLabel}» мәні кемінде %{minValue} болуы керек.',
        max: '«%{fieldLabel}» мәні ең көбі %{maxValue} болуы керек.',
        rangeCount: '«%{fieldLabel}» өрісінде %{minCount}–%{maxCount} элемент болуы керек.',
        rangeCountExact: '«%{fieldLabel}» өрісінде дәл %{count} элемент болуы керек.',
        rangeMin: '«%{fieldLabel}» өрісінде кемінде %{minCount} элемент болуы керек.',
        rangeMax: '«%{fieldLabel}» өрісінде ең көбі %{maxCount} элемент болуы керек.',
        invalidPath: '«%{path}» жарамды жол емес',
        pathExists: '«%{path}» деген жол бұрыннан бар',
      },
      i18n: {
        writingInLocale: 'Жазу тілі: %{locale}',
        copyFromLocale: 'Басқа тілден толтыру',
        copyFromLocaleConfirm:
          '%{locale} тіліндегі деректермен толтырасыз ба?\nҚазіргі мазмұнның бәрі ауыстырылады.',
      },
    },
    editor: {
      onLeavePage: 'Бұл беттен шынымен кетесіз бе?',
      onUpdatingWithUnsavedChanges:
        'Сақталмаған өзгерістер бар. Күйін өзгертпес бұрын оларды сақтаңыз.',
      onPublishingNotReady: 'Жарияламас бұрын күйін «Дайын» етіп өзгертіңіз.',
      onPublishingWithUnsavedChanges:
        'Сақталмаған өзгерістер бар. Жарияламас бұрын оларды сақтаңыз.',
      onPublishing: 'Бұл жазбаны шынымен жариялайсыз ба?',
      onUnpublishing: 'Бұл жазбаны шынымен жариялаудан аласыз ба?',
      onDeleteWithUnsavedChanges:
        'Осы жарияланған жазбаны және осы сеанстағы сақталмаған өзгерістерді шынымен жоясыз ба?',
      onDeletePublishedEntry: 'Осы жарияланған жазбаны шынымен жоясыз ба?',
      onDeleteUnpublishedChangesWithUnsavedChanges:
        'Бұл жазбаның жарияланбаған барлық өзгерістері, сондай-ақ осы сеанстағы сақталмаған өзгерістер жойылады. Бәрібір жоясыз ба?',
      onDeleteUnpublishedChanges:
        'Бұл жазбаның жарияланбаған барлық өзгерістері жойылады. Бәрібір жоясыз ба?',
      loadingEntry: 'Жазба жүктелуде...',
      confirmLoadBackup:
        'Бұл жазбаның браузерде сақталған көшірмесі табылды. Соны пайдаланасыз ба?',
    },
    editorInterface: {
      toggleI18n: 'Аударма панелін ашу/жабу',
      togglePreview: 'Алдын ала көріністі ашу/жабу',
      toggleScrollSync: 'Айналдыруды қатар жүргізу',
      toggleNotes: 'Ескертпелерді ашу/жабу',
    },
    editorNotesPane: {
      title: 'Ескертпелер',
      emptyState:
        'Әзірге ескертпе жоқ. Бірлесіп жұмыс істеу үшін төменде алғашқы ескертпені қосыңыз.',
      addNote: 'Ескертпе қосу',
      addPlaceholder: 'Ескертпе жазыңыз...',
      editPlaceholder: 'Ескертпені өңдеңіз...',
      save: 'Сақтау',
      cancel: 'Бас тарту',
      edit: 'Өңдеу',
      delete: 'Жою',
      resolve: 'Шешілді деп белгілеу',
      unresolve: 'Қайта ашу',
      confirmDelete: 'Бұл ескертпені шынымен жоясыз ба?',
      shortcut: 'Кеңес: ескертпені жылдам қосу үшін Ctrl+Enter басыңыз',
    },
    editorToolbar: {
      publishing: 'Жариялануда...',
      publish: 'Жариялау',
      published: 'Жарияланды',
      unpublish: 'Жариялаудан алу',
      duplicate: 'Көшірмесін жасау',
      unpublishing: 'Жариялаудан алынуда...',
      publishAndCreateNew: 'Жариялап, жаңасын құру',
      publishAndDuplicate: 'Жариялап, көшірмесін жасау',
      deleteUnpublishedChanges: 'Жарияланбаған өзгерістерді жою',
      deleteUnpublishedEntry: 'Жарияланбаған жазбаны жою',
      deletePublishedEntry: 'Жарияланған жазбаны жою',
      deleteEntry: 'Жазбаны жою',
      saving: 'Сақталуда...',
      save: 'Сақтау',
      statusInfoTooltipDraft:
        'Жазба «Қаралама» күйінде. Аяқтап, тексеруге жіберу үшін күйін «Тексеруде» етіп өзгертіңіз',
      statusInfoTooltipInReview:
        'Жазба тексерілуде, басқа ештеңе істеудің қажеті жоқ. Дегенмен тексеру кезінде де өзгерістер енгізе аласыз.',
      deleting: 'Жойылуда...',
      updating: 'Жаңартылуда...',
      status: 'Күйі: %{status}',
      backCollection: ' Бөлім: %{collectionLabel}',
      unsavedChanges: 'Сақталмаған өзгерістер',
      changesSaved: 'Өзгерістер сақталды',
      draft: 'Қаралама',
      inReview: 'Тексеруде',
      ready: 'Дайын',
      publishNow: 'Қазір жариялау',
      deployPreviewPendingButtonLabel: 'Алдын ала көріністі тексеру',
      deployPreviewButtonLabel: 'Алдын ала көру',
      deployButtonLabel: 'Сайттан көру',
    },
    editorWidgets: {
      markdown: {
        bold: 'Қалың',
        italic: 'Курсив',
        strikethrough: 'Сызылған',
        code: 'Код',
        link: 'Сілтеме',
        linkPrompt: 'Сілтеменің URL мекенжайын енгізіңіз',
        headings: 'Тақырыптар',
        quote: 'Дәйексөз',
        bulletedList: 'Таңбалауышты тізім',
        numberedList: 'Нөмірленген тізім',
        addComponent: 'Компонент қосу',
        richText: 'Пішімделген мәтін',
        markdown: 'Markdown',
        toggleMode: {
          rich: 'Пішімделген мәтін режиміне ауысу',
          markdown: 'Markdown режиміне ауысу',
        },
      },
      image: {
        choose: 'Сурет таңдау',
        chooseMultiple: 'Суреттер таңдау',
        chooseUrl: 'URL арқылы қою',
        replaceUrl: 'URL-мен ауыстыру',
        promptUrl: 'Суреттің URL мекенжайын енгізіңіз',
        chooseDifferent: 'Басқа сурет таңдау',
        addMore: 'Тағы сурет қосу',
        remove: 'Суретті алып тастау',
        removeAll: 'Барлық суретті алып тастау',
      },
      file: {
        choose: 'Файл таңдау',
        chooseUrl: 'URL арқылы қою',
        chooseMultiple: 'Файлдар таңдау',
        replaceUrl: 'URL-мен ауыстыру',
        promptUrl: 'Файлдың URL мекенжайын енгізіңіз',
        chooseDifferent: 'Басқа файл таңдау',
        addMore: 'Тағы файл қосу',
        remove: 'Файлды алып тастау',
        removeAll: 'Барлық файлды алып тастау',
      },
      unknownControl: {
        noControl: '«%{widget}» виджетінің басқару элементі жоқ.',
      },
      unknownPreview: {
        noPreview: '«%{widget}» виджетінің алдын ала көрінісі жоқ.',
      },
      headingOptions: {
        headingOne: '1-деңгейлі тақырып',
        headingTwo: '2-деңгейлі тақырып',
        headingThree: '3-деңгейлі тақырып',
        headingFour: '4-деңгейлі тақырып',
        headingFive: '5-деңгейлі тақырып',
        headingSix: '6-деңгейлі тақырып',
      },
      datetime: {
        now: 'Қазір',
        clear: 'Тазарту',
        setToNow: '«%{fieldLabel}» өрісіне қазіргі уақытты қою',
      },
      list: {
        add: '%{item} қосу',
        addType: '%{item} қосу',
      },
      object: {
        expand: 'Ашу',
        collapse: 'Жию',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      draft: 'Қаралама',
      copy: 'Көшіру',
      copyUrl: 'URL көшіру',
      copyPath: 'Жолын көшіру',
      copyName: 'Атауын көшіру',
      copied: 'Көшірілді',
    },
    mediaLibrary: {
      onDelete: 'Таңдалған медиа файлдарды шынымен жоясыз ба?',
      fileTooLarge: 'Файл тым үлкен.\nРұқсат етілген ең үлкен өлшем: %{size} кБ.',
    },
    mediaLibraryModal: {
      loading: 'Жүктелуде...',
      close: 'Жабу',
      noResults: 'Нәтиже жоқ.',
      noAssetsFound: 'Файлдар табылмады.',
      noImagesFound: 'Суреттер табылмады.',
      private: 'Жеке ',
      images: 'Суреттер',
      mediaAssets: 'Медиа файлдар',
      search: 'Іздеу...',
      uploading: 'Жүктеп салынуда...',
      upload: 'Жүктеп салу',
      download: 'Жүктеп алу',
      deleting: 'Жойылуда...',
      deleteSelected: 'Таңдалғанды жою',
      chooseSelected: 'Таңдалғанды қолдану',
    },
  },
  ui: {
    default: {
      goBackToSite: 'Сайтқа оралу',
    },
    errorBoundary: {
      title: 'Қате',
      details: 'Қате шықты — ',
      reportIt: 'бұл туралы GitHub-та хабарлаңыз.',
      detailsHeading: 'Толығырақ',
      privacyWarning:
        'Хабарламаға қатенің мәтіні мен жөндеуге арналған деректер өздігінен қосылады.\nАқпараттың дұрыстығын тексеріп, құпия деректер болса, өшіріп тастаңыз.',
      recoveredEntry: {
        heading: 'Қалпына келтірілген құжат',
        warning: 'Беттен кетпес бұрын мұны бір жерге көшіріп алыңыз!',
        copyButtonLabel: 'Алмасу буферіне көшіру',
      },
    },
    settingsDropdown: {
      logOut: 'Шығу',
      account: 'Тіркелгі мәзірі',
    },
    toast: {
      onFailToLoadEntries: 'Жазбаны жүктеу мүмкін болмады: %{details}',
      onFailToLoadDeployPreview: 'Алдын ала көріністі жүктеу мүмкін болмады: %{details}',
      onFailToPersist: 'Жазбаны сақтау мүмкін болмады: %{details}',
      onFailToDelete: 'Жазбаны жою мүмкін болмады: %{details}',
      onFailToUpdateStatus: 'Күйін өзгерту мүмкін болмады: %{details}',
      missingRequiredField: 'Міндетті өріс толтырылмай қалды. Сақтамас бұрын толтырыңыз.',
      entrySaved: 'Жазба сақталды',
      entryPublished: 'Жазба жарияланды',
      entryUnpublished: 'Жазба жариялаудан алынды',
      onFailToPublishEntry: 'Жариялау мүмкін болмады: %{details}',
      onFailToUnpublishEntry: 'Жазбаны жариялаудан алу мүмкін болмады: %{details}',
      entryUpdated: 'Жазбаның күйі өзгертілді',
      onDeleteUnpublishedChanges: 'Жарияланбаған өзгерістер жойылды',
      noteAdded: 'Ескертпе қосылды',
      onFailToAddNote: 'Ескертпені қосу мүмкін болмады: %{details}',
      noteUpdated: 'Ескертпе жаңартылды',
      onFailToUpdateNote: 'Ескертпені жаңарту мүмкін болмады: %{details}',
      noteDeleted: 'Ескертпе жойылды',
      onFailToDeleteNote: 'Ескертпені жою мүмкін болмады: %{details}',
      noteResolved: 'Ескертпе шешілді деп белгіленді',
      noteReopened: 'Ескертпе қайта ашылды',
      onFailToToggleNote: 'Ескертпенің күйін өзгерту мүмкін болмады: %{details}',
      onFailToAuth: '%{details}',
      onLoggedOut:
        'Жүйеден шығып қалдыңыз. Деректеріңіздің көшірмесін сақтап, қайта кіріңіз',
      onBackendDown: 'Серверде ақау бар. Толығырақ: %{details}',
    },
  },
  workflow: {
    workflow: {
      loading: 'Редакциялық жұмыс барысының жазбалары жүктелуде',
      workflowHeading: 'Редакциялық жұмыс барысы',
      newPost: 'Жаңа жазба',
      description:
        '%{smart_count} жазба тексеруді күтуде, %{readyCount} жазба жариялауға дайын. |||| %{smart_count} жазба тексеруді күтуде, %{readyCount} жазба жариялауға дайын. ',
      dateFormat: 'DD.MM.YYYY',
    },
    workflowCard: {
      lastChange: '%{date}, өзгерткен: %{author}',
      lastChangeNoAuthor: '%{date}',
      lastChangeNoDate: 'Өзгерткен: %{author}',
      deleteChanges: 'Өзгерістерді жою',
      deleteNewEntry: 'Жаңа жазбаны жою',
      publishChanges: 'Өзгерістерді жариялау',
      publishNewEntry: 'Жаңа жазбаны жариялау',
    },
    workflowList: {
      onDeleteEntry: 'Бұл жазбаны шынымен жоясыз ба?',
      onPublishingNotReadyEntry:
        'Тек «Дайын» күйіндегі жазбаларды жариялауға болады. Жариялау үшін карточканы «Дайын» бағанына сүйреп апарыңыз.',
      onPublishEntry: 'Бұл жазбаны шынымен жариялайсыз ба?',
      draftHeader: 'Қаралама',
      inReviewHeader: 'Тексеруде',
      readyHeader: 'Дайын',
      currentEntries: '%{smart_count} жазба |||| %{smart_count} жазба',
    },
  },
});
