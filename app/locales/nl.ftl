## Kader
nav-skip = Naar de inhoud
brand-tagline = Smartcity-ideeën voor Brussel
nav-main-label = Hoofdmenu
nav-home = Home
nav-themes = Thema's
nav-account-label = Uw account
nav-admin = Beheer
nav-sign-out = Afmelden
nav-sign-in = Aanmelden
nav-register = Account aanmaken
nav-language-label = Taal
footer-about = Agora is het participatieplatform van het Brusselse smartcityprogramma: inwoners, bedrijven, universiteiten en overheden bouwen het samen.
footer-programme = Elk regeringslid zet elk jaar één smartcityproject op binnen zijn of haar bevoegdheden. Volg ze hier.
loading = Laden…
welcome-user = Welkom, { $name }

## Home
home-title = Bouw mee aan het slimme Brussel van morgen
home-heading = Bouw mee aan het slimme Brussel van morgen
home-lead = Stel ideeën voor voor een meer verbonden, inclusieve en open stad, steun de ideeën waarin u gelooft en volg ze wanneer ze projecten van de regering worden.
home-how-heading = Hoe het werkt
home-step-propose = Voorstellen
home-step-propose-text = Beschrijf een idee binnen een van de thema's van het programma, voor uw wijk of voor het hele Gewest.
home-step-support = Steunen en bespreken
home-step-support-text = Stem op de ideeën die u werkelijkheid wilt zien worden en verbeter ze samen in de reacties.
home-step-follow = Volgen
home-step-follow-text = Moderatoren beantwoorden elk idee; de beste worden projecten van een regeringslid, met een openbare routekaart.
home-themes-heading = De thema's van het programma

## Niet gevonden
not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet, of niet meer.
not-found-home = Terug naar de homepagina

## Fouten
error-unauthenticated = Meld u aan om verder te gaan.
error-forbidden = U mag dit niet doen.
error-not_found = We hebben niet gevonden wat u zocht.
error-bad_request = Het verzoek werd niet begrepen. Probeer het opnieuw.
error-invalid = Enkele velden vragen uw aandacht.
error-invalid_credentials = Het e-mailadres of wachtwoord is niet juist.
error-rate_limited = Te veel pogingen. Probeer het opnieuw over { $minutes ->
    [one] een minuut
   *[other] { $minutes } minuten
}.
error-blocked = Uw account werd geblokkeerd door een moderator. Op uw profielpagina staat waarom.
error-internal = Er ging bij ons iets mis. Probeer het later opnieuw.

field-required = Dit veld is verplicht.
field-too_long = Dit is te lang.
field-too_short = Dit is te kort.
field-email_invalid = Vul een e-mailadres in zoals naam@voorbeeld.be.
field-password_too_short = Gebruik minstens 12 tekens. Enkele losse woorden vormen een sterke wachtzin.
field-password_too_long = Gebruik hoogstens 256 tekens.
field-password_weak = Dit wachtwoord is te makkelijk te raden. Probeer een langere wachtzin met ongewone woorden.
field-password_wrong = Het huidige wachtwoord is niet juist.
field-enterprise_number_format = Een ondernemingsnummer telt 10 cijfers, bijvoorbeeld 0403.170.701.
field-enterprise_number_checksum = Dit ondernemingsnummer bestaat niet: controleer de cijfers.
field-registration_number_invalid = Gebruik alleen letters, cijfers, spaties, punten, schuine strepen en koppeltekens.
field-unknown_choice = Kies een van de opties.
field-email_taken = Er bestaat al een account met dit e-mailadres. Wilt u zich aanmelden?
field-own_role = U kunt uw eigen rol niet wijzigen.
field-slug_taken = Een ander thema gebruikt dit adres al.

## Accounts
kind-resident = Inwoner
kind-business = Bedrijf
kind-academic = Academische instelling
kind-resident-hint = U neemt deel als persoon.
kind-business-hint = U neemt deel voor een bedrijf, met het ondernemingsnummer.
kind-academic-hint = U neemt deel voor een universiteit, hogeschool of onderzoekscentrum.
role-member = Lid
role-moderator = Moderator
role-official = Regeringslid
role-admin = Beheerder
badge-verified = Geverifieerd
badge-unverified = Wacht op verificatie

field-label-display-name = Publieke naam
field-label-email = E-mailadres
field-label-password = Wachtwoord
field-label-kind = U neemt deel als
field-label-organisation-name = Naam van de organisatie
field-label-registration-number = Registratienummer
field-label-role = Rol
field-label-portfolio = Bevoegdheden
field-label-current-password = Huidig wachtwoord
field-label-new-password = Nieuw wachtwoord

register-title = Account aanmaken
register-lead = Met één account kunt u ideeën voorstellen, stemmen, reageren en projecten volgen.
register-display-name-hint = Getoond bij uw ideeën en reacties.
register-password-hint = Minstens { $min } tekens. Een wachtzin van enkele losse woorden is makkelijk te onthouden en moeilijk te raden.
register-organisation-legend = Alleen voor organisaties
register-organisation-hint = Bedrijven geven hun Belgisch ondernemingsnummer op; academische instellingen hun registratienummer. Een moderator verifieert ze.
register-registration-number-hint = Voor een bedrijf: het ondernemingsnummer, bijvoorbeeld 0403.170.701.
register-submit = Mijn account aanmaken
register-have-account = Hebt u al een account?

sign-in-title = Aanmelden
sign-in-submit = Aanmelden
sign-in-no-account = Nieuw hier?

profile-title = Uw profiel
profile-blocked = Een moderator heeft uw account geblokkeerd op { $date }. U kunt nog alles lezen, maar niets meer voorstellen, steunen, becommentariëren of melden.
profile-blocked-reason = Zijn of haar reden: { $reason }
profile-member-since = Lid sinds
profile-change-password = Uw wachtwoord wijzigen
profile-change-password-submit = Wachtwoord wijzigen
profile-password-changed = Uw wachtwoord werd gewijzigd. Uw andere toestellen werden afgemeld.

## Thema's
themes-title = Thema's
themes-lead = Het smartcityprogramma omvat deze thema's. Elk idee hoort bij een ervan.
theme-archived = Gearchiveerd

## Beheer
admin-nav-label = Beheer
admin-accounts-title = Accounts en rollen
admin-themes-title = Thema's
admin-audit-title = Auditlogboek
admin-all-roles = Alle rollen
admin-filter = Filteren
admin-joined = Ingeschreven
admin-save = Opslaan
admin-edit = Bewerken
admin-older = Oudere items
admin-theme-new = Een thema toevoegen
admin-theme-create = Thema toevoegen
admin-theme-edit = Thema bewerken
admin-theme-up = Omhoog
admin-theme-down = Omlaag
admin-theme-archive = Archiveren
admin-theme-restore = Herstellen
admin-theme-slug-hint = Deel van het adres van het thema: kleine letters, cijfers en koppeltekens, bijvoorbeeld slimme-mobiliteit. Het kan later niet meer gewijzigd worden.
field-label-slug = Adres
field-label-theme-name = Naam
field-label-theme-description = Beschrijving
audit-when = Wanneer
audit-who = Wie
audit-what = Actie
audit-repeats = (× { $count } binnen die minuut)
audit-target = Op
audit-detail = Detail

## Ideeën
nav-ideas = Ideeën
home-explore-ideas = Bekijk de ideeën
ideas-new = Een idee voorstellen
ideas-title = Ideeën
ideas-lead = Ideeën van inwoners, bedrijven en universiteiten voor een slimmer Brussel. Steun de ideeën die u werkelijkheid wilt zien worden.
ideas-filters = Ideeën filteren
ideas-all-themes = Alle thema's
ideas-status = Status
ideas-all-statuses = Alle statussen
ideas-all-districts = Heel Brussel
ideas-sort = Volgorde
sort-newest = Nieuwste eerst
sort-trending = Populair deze week
sort-most_votes = Meest gesteund
ideas-empty = Nog geen enkel idee past bij deze filters.
ideas-pages = Pagina's
ideas-previous = Vorige pagina
ideas-next = Volgende pagina
field-label-theme = Thema
field-label-district = Gemeente
field-label-title = Titel
field-label-body = Beschrijving
idea-new-title = Een idee voorstellen
idea-new-lead = Beschrijf wat u zou veranderen en waarom. Andere inwoners kunnen het dan steunen en verbeteren, en moderatoren beantwoorden elk idee.
idea-title-hint = Een korte zin die zegt wat het idee is, hoogstens 120 tekens.
idea-body-hint = Alinea's blijven behouden en webadressen worden links. Hoogstens 5.000 tekens.
idea-choose-theme = Kies een thema
idea-district-hint = Optioneel: waar in Brussel het idee van toepassing is.
idea-whole-region = Het hele Gewest
idea-submit = Mijn idee publiceren
idea-support-label = Steun
idea-withdraw = Mijn idee intrekken
idea-history = Geschiedenis
status-open = Open
status-under_review = In behandeling
status-accepted = Aanvaard
status-declined = Afgewezen
status-duplicate = Dubbel
status-withdrawn = Ingetrokken
vote-count = { $count ->
    [one] steunbetuiging
   *[other] steunbetuigingen
}
vote-count-long = { $count ->
    [one] { $count } steunbetuiging
   *[other] { $count } steunbetuigingen
}
vote-support = Dit idee steunen
vote-remove = Mijn steun intrekken
similar-heading = Ideeën zoals het jouwe, al voorgesteld
similar-support-instead = Steun liever dit idee
similar-anyway-hint = Is het jouwe anders?
similar-publish-anyway = Het mijne toch publiceren
similar-in-queue = Misschien hetzelfde als
vote-sign-in = Meld u aan om te steunen
vote-closed = Dit idee verzamelt geen steun meer.
badge-moderator = Moderator
badge-official = Regeringslid
error-closed = Dit idee staat daar niet meer voor open.
error-supported = Iemand anders heeft dit idee al gesteund of besproken, dus de tekst kan niet meer veranderen. U kunt reageren in de reacties.
error-project_stage = Dat kan niet in de fase waarin het project zich bevindt.
error-ideas_per_day = U hebt de afgelopen 24 uur 10 ideeën voorgesteld, het maximum voor één account. Kom morgen terug.
error-comment_too_soon = U hebt net gereageerd. Wacht tien seconden voor u opnieuw iets plaatst.
idea-edit-title = Uw idee bewerken
idea-edit-lead = U kunt uw idee wijzigen zolang niemand anders het heeft gesteund of erop heeft gereageerd.
my-ideas-title = Uw ideeën
my-supported-title = Ideeën die u steunt
my-ideas-empty = U hebt nog geen idee voorgesteld.
my-supported-empty = U steunt nog geen enkel idee.
profile-your-activity = Uw activiteit
sort-most_discussed = Meest besproken
ideas-search = Zoeken
ideas-search-placeholder = Woorden uit de titel of beschrijving
ideas-apply = Ideeën tonen
ideas-search-empty = Geen idee past bij ‘{ $words }’. Probeer minder of kortere woorden.
comment-count = { $count ->
    [one] { $count } reactie
   *[other] { $count } reacties
}
my-following-title = Ideeën die u volgt
my-following-empty = U volgt nog geen idee. Volg een idee om op de hoogte te blijven van reacties en beslissingen.
follow-start = Dit idee volgen
follow-stop = Niet meer volgen
follow-on-hint = U krijgt bericht bij nieuwe reacties en beslissingen.
follow-off-hint = Volg het om bericht te krijgen bij nieuwe reacties en beslissingen.
nav-notifications = Meldingen
nav-notifications-unread = { $count ->
    [one] { $count } ongelezen melding
   *[other] { $count } ongelezen meldingen
}
notifications-title = Meldingen
notifications-unread = { $count ->
    [0] Alles is gelezen.
    [one] { $count } ongelezen melding
   *[other] { $count } ongelezen meldingen
}
notifications-mark-all = Alles als gelezen markeren
notifications-someone = Iemand
notifications-new = Nieuw
notifications-empty = Nog niets. Als iemand reageert op een idee dat u volgt of u antwoordt, ziet u het hier.
notification-comment = { $who } reageerde op
notification-reply = { $who } antwoordde op uw reactie bij
notification-status = De status veranderde van
notification-response = { $who } antwoordde publiek op
notification-hidden = De moderatoren hebben uw bijdrage verborgen bij
notification-concealed = Nieuws over een bijdrage die de moderatoren intussen hebben verborgen.
notification-restored = De moderatoren hebben uw bijdrage hersteld bij
notification-note = Hun reden: ‘{ $note }’
comments-title = { $count ->
    [0] Reacties
    [one] { $count } reactie
   *[other] { $count } reacties
}
comments-order = Volgorde van de reacties
comments-order-newest = Nieuwste eerst
comments-order-oldest = Oudste eerst
comments-closed = Dit idee werd ingetrokken; er kunnen geen reacties meer bij.
comments-sign-in = Meld u aan om te reageren
comments-pages = Pagina’s met reacties
comments-previous = Nieuwere reacties
comments-next = Oudere reacties
comments-replies-all = Alle { $count } antwoorden tonen
comments-replies-earlier = Eerdere antwoorden
comments-replies-later = Latere antwoorden
comments-replies-latest = Alleen de laatste antwoorden tonen
comments-replies-pages = Pagina’s met antwoorden
comment-label = Uw reactie
comment-hint = Hoogstens 2.000 tekens. Blijf vriendelijk en bij het idee.
comment-submit = Reactie plaatsen
comment-reply = Antwoorden
comment-reply-label = Uw antwoord
comment-reply-submit = Antwoord plaatsen
comment-cancel = Annuleren
comment-edit-label = Verbeter uw reactie
comment-edited = bewerkt
comment-deleted = Reactie verwijderd.
comment-delete = Verwijderen
comment-by = Reactie van { $who }
moderation-status-title = Moderatie
moderation-new-status = Nieuwe status
moderation-note = Openbare toelichting
moderation-note-hint = Verschijnt in de geschiedenis van het idee en gaat naar wie het volgt. Verplicht om te weigeren.
moderation-apply = Status wijzigen
admin-blocking = Blokkering
admin-blocked = Geblokkeerd
admin-block = Blokkeren
admin-unblock = Deblokkeren
admin-block-reason = Reden van de blokkering
idea-public-response = Antwoord van de moderatoren

# Moderation: reports, the queue, hiding, merging, public responses
nav-moderation = Moderatie
error-hidden = De moderatoren hebben dit verborgen. Bent u de auteur, meld u dan aan om te lezen waarom.
field-same_idea = Een idee kan geen dubbel van zichzelf zijn: kies een ander idee.
field-original_closed = Dat idee kan geen steun meer krijgen (beslist, ingetrokken, samengevoegd of verborgen): kies een open idee.
moderation-reports = { $count ->
    [one] { $count } melding
   *[other] { $count } meldingen
}
report-reason-spam = Spam of reclame
report-reason-offensive = Beledigend of kwetsend
report-reason-off_topic = Buiten het onderwerp
report-reason-other = Iets anders
report-idea = Dit idee melden
report-comment = Melden
report-idea-title = Waarom moeten de moderatoren dit idee bekijken?
report-comment-title = Waarom moeten de moderatoren deze reactie bekijken?
report-note = In uw eigen woorden
report-note-hint = Verplicht bij "Iets anders". De auteur ziet nooit wie iets meldde.
report-submit = Melding versturen
report-thanks = Bedankt. De moderatoren bekijken het.
report-already = U had dit al gemeld. De moderatoren bekijken het.
hidden-idea-title = Dit idee is verborgen: alleen u en de moderatoren zien het.
hidden-by-moderators = De moderatoren hebben het verborgen: { $reason }
hidden-by-moderators-no-reason = De moderatoren hebben het verborgen.
hidden-after-reports = Meerdere leden hebben het gemeld, dus het blijft verborgen tot een moderator beslist.
comment-hidden = Deze reactie werd verborgen door de moderatoren.
moderation-merge-title = Dubbel van een ander idee
moderation-duplicate-of = Dubbel van
moderation-duplicate-of-hint = Het nummer van het oorspronkelijke idee, of het adres. Steun en volgers gaan daarheen; reacties blijven hier.
moderation-merge = Samenvoegen met het origineel
moderation-hide-title = Verbergen
moderation-restore-title = Herstellen
moderation-hide-reason = Reden (de auteur leest ze)
moderation-restore-reason = Reden (de auteur leest ze)
moderation-keep-reason = Waarom het zichtbaar blijft (de auteur leest het als het verborgen was)
moderation-block-author = De auteur blokkeren
moderation-author-blocked = De auteur is geblokkeerd.
moderation-unblock-reason = Reden voor het deblokkeren (bewaard in het auditlogboek)
moderation-hide = Verbergen
moderation-restore = Herstellen
moderation-keep-visible = Zichtbaar laten
respond-title = Publiek antwoorden
respond-label = Uw antwoord
respond-hint = Getoond boven het idee met uw rol, en verstuurd naar iedereen die het volgt. De status verandert niet.
respond-submit = Antwoord publiceren
idea-public-response-official = Antwoord van de regering
idea-history-response = Publiek antwoord
idea-duplicate-of = Samengevoegd met:
queue-title = Moderatiewachtrij
queue-lead = Nieuwe ideeën om te sorteren, meldingen om te beslissen, verborgen inhoud, organisaties om te verifiëren en geblokkeerde accounts.
queue-keyboard = Met het toetsenbord: j voor het volgende item, k voor het vorige, Tab om de beslissing te bereiken.
queue-tabs = Wachtrij
queue-tab-new = Nieuwe ideeën
queue-tab-reported = Gemeld
queue-tab-hidden = Verborgen
queue-tab-organisations = Organisaties
queue-empty-new = Alle ideeën zijn gesorteerd. Goed gedaan.
queue-empty-reported = Geen meldingen in afwachting.
queue-empty-hidden = Niets is verborgen.
queue-empty-organisations = Geen enkele organisatie wacht op verificatie.
queue-kind-idea = Idee
queue-kind-comment = Reactie
queue-comment-on = Reactie op "{ $title }"
queue-verify = Deze organisatie verifiëren
queue-verify-reason = Hoe u het gecontroleerd hebt (bijvoorbeeld in de Kruispuntbank van Ondernemingen)
queue-tab-blocked = Geblokkeerde accounts
queue-empty-blocked = Geen enkel account is geblokkeerd.
queue-kind-account = Geblokkeerd account
queue-blocked-since = Geblokkeerd op { $date } door { $who }
queue-blocked-reason = Reden gegeven aan de accounthouder: { $reason }
triage-decision = Beslissing
triage-keep = In orde (blijft open)
triage-under_review = In behandeling nemen
triage-declined = Afwijzen
triage-duplicate = Dubbel van een ander idee
triage-hide = Verbergen
triage-note = Publieke notitie of reden
triage-note-hint = Verplicht om af te wijzen of te verbergen. De auteur en de volgers lezen ze.
triage-duplicate-hint = Alleen voor een dubbel: het nummer of adres van het oorspronkelijke idee.
triage-submit = Beslissen
audit-filters = Het logboek filteren
audit-actor-placeholder = E-mailadres of publieke naam
audit-all-actions = Alle acties
audit-from = Van
audit-to = Tot en met
audit-empty = Geen enkele regel past bij deze filters.
badge-hidden = Verborgen
respond-open = Een publiek antwoord schrijven
# Projects
nav-projects = Projecten
nav-desk = Bureau
programme-nav-label = Het programma
projects-title = Projecten
projects-lead = De beste ideeën worden projecten van een regeringslid. Volg elk project van kandidaat tot uitvoering.
projects-filters = Projecten filteren
projects-all-owners = Alle regeringsleden
projects-apply = Projecten tonen
projects-empty = Nog geen enkel project past bij deze filters.
project-status-candidate = Kandidaat
project-status-adopted = Aangenomen
project-status-in_progress = In uitvoering
project-status-completed = Uitgevoerd
project-status-declined = Afgewezen
project-owner = Regeringslid
project-summary = Samenvatting
project-summary-hint = Wat het project doet en voor wie. Alinea’s blijven behouden. Hoogstens 3.000 tekens.
project-factors = Kritieke succesfactoren
project-factors-hint = Eén per regel, in volgorde van belang; hoogstens 10.
project-choose-owner = Kies een regeringslid
project-promote = Ideeën promoveren
project-promote-this = Tot project promoveren
project-promote-title = Ideeën tot project promoveren
project-promote-lead = Kies een of meer ideeën waarover nog niemand besliste. Ze worden een kandidaat-project voor een regeringslid, dat het publiek aanneemt of afwijst.
project-promote-filter = Ideeën verfijnen
project-promote-ideas = Te promoveren ideeën
project-promote-ideas-hint = Open ideeën en ideeën in behandeling, de meest gesteunde eerst. Hun auteurs en volgers krijgen bericht.
project-promote-no-ideas = Er kan op dit moment geen idee gepromoveerd worden.
project-promote-submit = Het kandidaat-project aanmaken
project-promoted-note = Gepromoveerd tot het project ‘{ $title }’.
field-idea_not_promotable = Over een van de ideeën werd al beslist of het is verborgen; kies alleen open ideeën.
project-progress = { $done } van { $total } mijlpalen bereikt ({ $percent }%)
project-progress-none = Nog geen mijlpalen
project-progress-heading = Voortgang
project-at-a-glance = Het project in het kort
project-followers = { $count ->
    [one] { $count } volger
   *[other] { $count } volgers
}
project-follow = Dit project volgen
project-follow-on-hint = U krijgt bericht over zijn beslissingen en nieuws.
project-follow-off-hint = Volg het om bericht te krijgen over zijn beslissingen en nieuws.
project-sign-in-to-follow = Meld u aan om te volgen
project-statement-adopted = Verklaring bij de aanneming
project-statement-declined = Verklaring bij de afwijzing
project-manage-title = Uw project
project-decide-title = Aannemen of afwijzen
project-decide-hint = Uw verklaring verschijnt op de projectpagina en gaat naar iedereen die het project of zijn ideeën volgt.
project-statement = Uw publieke verklaring
project-adopt = Het project aannemen
project-decline = Het project afwijzen
project-start = De uitvoering starten
project-complete = Als uitgevoerd markeren
project-note = Publieke notitie
project-note-hint = Facultatief. Verschijnt in de tijdlijn en gaat naar de volgers.
project-reassign-title = Aan een ander regeringslid toevertrouwen
project-reassign = Opnieuw toewijzen
project-roadmap = Stappenplan
project-roadmap-empty = Er is nog geen mijlpaal vastgelegd.
project-milestone-add = Een mijlpaal toevoegen
project-milestone-title = Mijlpaal
project-milestone-date = Streefdatum
project-milestone-date-hint = De dag waarop ze bereikt moet zijn, bijvoorbeeld 2025-06-30.
project-milestone-target = Gepland op { $date }
project-milestone-done-on = Bereikt op { $date }
project-milestone-done = Bereikt
project-milestone-planned = Gepland
project-milestone-mark-done = Als bereikt markeren
project-milestone-undo = Als niet bereikt markeren
project-milestone-remove = Verwijderen
project-milestone-edit = Bewerken
project-milestone-save = Mijlpaal opslaan
project-timeline = Tijdlijn
project-timeline-update = Nieuws
project-timeline-owner = Nu bij { $name }
project-update-label = Nieuws publiceren
project-update-hint = Wat er gebeurde en wat volgt. Iedereen die het project of zijn ideeën volgt, krijgt bericht.
project-update-submit = Publiceren
project-source-ideas = Waar het vandaan komt
project-supporters = { $count ->
    [one] { $count } persoon steunt de ideeën hieronder.
   *[other] { $count } personen steunen de ideeën hieronder.
}
idea-project-label = Dit idee maakt deel uit van het project
notification-project_status = { $who } wijzigde de status van
notification-project_update = { $who } publiceerde nieuws over
desk-title = Uw bureau
desk-lead = De kandidaat-projecten die u zijn toegewezen en de projecten die u draagt: beslis publiek, houd het stappenplan bij en vertel hoe het loopt.
desk-pending = Wachten op uw beslissing
desk-active = In uitvoering
desk-closed = Uitgevoerd of afgewezen
desk-keep-up = Het stappenplan bijwerken
desk-open = Openen
desk-none = Niets hier.
commitments-title = Engagementen van de regering
commitments-lead = Elk regeringslid zet elk jaar een smart city-project op in een van zijn bevoegdheden. Hier ziet u hoe ver elk van hen staat.
commitments-summary = { $year }: { $done } van { $total } regeringsleden namen een project aan
commitments-none = Nog geen project aangenomen dit jaar
commitments-pending = { $count ->
    [one] { $count } kandidaat-project wacht op een beslissing.
   *[other] { $count } kandidaat-projecten wachten op een beslissing.
}
commitments-adopted-on = aangenomen op { $date }
commitments-no-portfolio = Bevoegdheden niet ingevuld
commitments-empty = Nog geen enkel regeringslid heeft een account.
dashboard-title = Dashboard van het programma
dashboard-lead = Het overzicht van het Smart City Program Office: ideeën, steun en projecten per thema, en wie deelneemt.
dashboard-as-of = Cijfers geteld op { $date } om { $time }.
dashboard-themes-title = Ideeën per thema
dashboard-themes-summary = Staafdiagram van de ingediende en aanvaarde ideeën per thema; de tabel hieronder geeft de cijfers.
dashboard-themes-table = Ideeën, steun en projecten per thema
dashboard-ideas = Ingediende ideeën
dashboard-votes = Steunbetuigingen
dashboard-accepted = Aanvaarde ideeën
dashboard-projects-status = Projecten: { $status }
dashboard-projects-title = Projecten per status
dashboard-projects-summary = Staafdiagram van het aantal projecten per status; de tabel hieronder geeft de cijfers.
dashboard-projects-table = Projecten per status
dashboard-participation-title = Deelname per soort account
dashboard-participation-lead = Accounts die een idee indienden, steunden of becommentarieerden, per maand.
dashboard-participation-summary = Kolomdiagram van de inwoners, bedrijven en academische instellingen die elke maand deelnamen over de laatste twaalf maanden; de tabel hieronder geeft de cijfers.
dashboard-participation-table = Deelnemende accounts per maand
dashboard-month = Maand
dashboard-total = Totaal
dashboard-residents = Inwoners
dashboard-businesses = Bedrijven
dashboard-academics = Academische instellingen

## E-mail: een adres bevestigen, een wachtwoord opnieuw instellen
error-email_unconfirmed = Bevestig eerst je e-mailadres: volg de link die we je stuurden.
error-link_expired = Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.
error-similar_ideas = Er zijn al ideeën zoals het jouwe voorgesteld. Steun er een van, of publiceer het jouwe toch.
confirm-email-resend = Stuur de link opnieuw
confirm-email-sent = We hebben een nieuwe link gestuurd. Het kan een minuut duren; kijk ook in je spammap.
profile-confirm-email = We stuurden een link naar { $email }. Volg hem om je adres te bevestigen; daarna kun je ideeën voorstellen, steunen en reageren.
profile-email-confirmed = Je e-mailadres is bevestigd. Welkom!
sign-in-forgot = Wachtwoord vergeten?
sign-in-email-confirmed = Je e-mailadres is bevestigd. Meld je aan om mee te doen.
sign-in-password-reset = Je wachtwoord is gewijzigd en alle toestellen zijn afgemeld. Meld je aan met het nieuwe.
verify-email-title = Bevestig je e-mailadres
verify-email-lead = Eén klik en je adres is bevestigd: dan kun je ideeën voorstellen, steunen en reageren.
verify-email-submit = Mijn e-mailadres bevestigen
forgot-password-title = Wachtwoord vergeten?
forgot-password-lead = Geef het e-mailadres van je account. We sturen er een link naartoe om een nieuw wachtwoord te kiezen.
forgot-password-submit = Stuur me een link
forgot-password-sent = Als een account dit adres gebruikt, hebben we er een link naartoe gestuurd. Hij werkt een uur. Kijk ook in je spammap.
forgot-password-back = Terug naar aanmelden
reset-password-title = Kies een nieuw wachtwoord
reset-password-lead = Zodra het gewijzigd is, worden alle toestellen die bij je account zijn aangemeld afgemeld.
reset-password-submit = Mijn wachtwoord wijzigen
reset-password-new-link = Vraag een nieuwe link aan
mail-greeting = Hallo { $name },
mail-signature = Agora, het participatieplatform van het smart-cityprogramma
mail-ignore = Heb je niets gevraagd? Negeer dan deze e-mail: er verandert niets.
mail-verify-subject = Bevestig je e-mailadres voor Agora
mail-verify-body = Bevestig dat dit adres van jou is. Daarna kun je op Agora ideeën voorstellen, steunen en reageren.
mail-verify-action = Mijn e-mailadres bevestigen
mail-verify-expiry = De link werkt één keer, gedurende 48 uur.
mail-reset-subject = Kies een nieuw wachtwoord voor Agora
mail-reset-body = Iemand, hopelijk jij, vroeg om een nieuw wachtwoord te kiezen voor je Agora-account.
mail-reset-action = Kies een nieuw wachtwoord
mail-reset-expiry = De link werkt één keer, gedurende een uur. Een nieuw wachtwoord meldt alle toestellen af die bij je account zijn aangemeld.

## De gegevens van de persoon: export, verwijderen, privacy
profile-your-data = Je gegevens
profile-your-data-lead = Bekijk alles wat Agora over je bewaart, neem het mee als bestand of verwijder je account.
my-data-title = Mijn gegevens
my-data-lead = Alles wat Agora over je account bewaart, zoals het bewaard wordt. Tijden staan in milliseconden sinds 1 januari 1970 (UTC).
my-data-download = Mijn gegevens downloaden (JSON)
my-data-profile = Profiel
my-data-ideas = Ideeën die je voorstelde
my-data-comments = Reacties die je schreef
my-data-votes = Ideeën die je steunt
my-data-followed-ideas = Ideeën die je volgt
my-data-followed-projects = Projecten die je volgt
my-data-notifications = Je meldingen
my-data-notifications-caused = Meldingen die jouw acties naar anderen stuurden
my-data-reports = Je rapporteringen
my-data-moderation-decisions = Je moderatiebeslissingen
my-data-projects = Projecten die je beheert of aanmaakte
my-data-project-updates = Projectnieuws dat je schreef
my-data-emails = E-mails die je ontving
my-data-email-links = Links die je per e-mail ontving
my-data-audit = Het auditlogboek over je account
delete-account-title = Mijn account verwijderen
delete-account-what-goes = Je e-mailadres, naam, wachtwoord, organisatiegegevens, sessies, gevolgde items, meldingen en e-mails worden meteen gewist. Niemand, ook geen beheerder, kan ze lezen of terugzetten.
delete-account-what-stays = Je ideeën en reacties blijven leesbaar, ondertekend met "een verwijderd account"; je stemmen blijven anoniem meetellen. Je e-mailadres kan opnieuw gebruikt worden om te registreren.
delete-account-export-first = Download eerst je gegevens
delete-account-erase-comments = Wis ook de tekst van mijn reacties
delete-account-submit = Mijn account definitief verwijderen
sign-in-account-deleted = Je account is verwijderd. Bedankt om mee te doen.
deleted-account = een verwijderd account
privacy-title = Privacy
privacy-lead = Agora bewaart wat nodig is om je te laten meedoen, niets meer, en je kunt het altijd bekijken, meenemen of wissen.
privacy-stored-title = Wat we bewaren, en waarom
privacy-stored-account = Je account: e-mailadres (om aan te melden en je te schrijven), publieke naam, wachtwoord (alleen als Argon2id-hash), de taal van je e-mails en, voor organisaties, hun naam en registratienummer.
privacy-stored-participation = Wat je publiek doet: ideeën, reacties, stemmen, gevolgde items en rapporteringen, zodat ze meetellen en gemodereerd kunnen worden.
privacy-stored-mail = De e-mails die we je sturen (bevestiging, nieuw wachtwoord) tot ze verstuurd zijn, en de links erin (alleen als hash).
privacy-stored-audit = Een auditlogboek van belangrijke acties (aanmeldingen, wijzigingen van rol of wachtwoord, moderatie), zonder wachtwoorden of inhoud van berichten, zodat het platform verantwoording aflegt.
privacy-kept-title = Hoe lang
privacy-kept-sessions = Sessies eindigen na een dag zonder activiteit, en meteen als je afmeldt of je wachtwoord wijzigt.
privacy-kept-links = Links per e-mail werken een uur (nieuw wachtwoord) of twee dagen (bevestiging), één keer.
privacy-kept-outbox = Een e-mail wacht in de wachtrij tot hij verstuurd is; daarna blijven alleen het soort, het onderwerp en de data, en die verdwijnen met je account.
privacy-kept-networks = Het netwerk waarvan je registreerde wordt een dag bewaard, als hash, om massale registraties te beperken.
privacy-kept-audit = Het auditlogboek wordt bewaard zolang het platform draait; vermeldingen over een verwijderd account houden alleen het nummer.
privacy-rights-title = Je rechten
privacy-rights-export = Alles bekijken wat over je bewaard wordt, en het downloaden als bestand:
privacy-rights-delete = Je account verwijderen, bevestigd met je wachtwoord:
privacy-no-tracking = Agora gebruikt geen reclame, geen scripts van derden en geen trackingcookies: alleen de cookies die je aangemeld houden en je taal onthouden.
developers-title = Open data
developers-lead = De ideeën, thema’s, gemeenten, projecten, engagementen en cijfers van Agora zijn open data: lees ze met de API hieronder en hergebruik ze volgens de licentie.
developers-api-title = De API
developers-api-intro = Een API die alleen leest, antwoordt in JSON onder /api/v1/. Elk eindpunt, elke parameter en elk veld staat beschreven in het OpenAPI 3.1-document:
developers-ideas = Ideeën, de nieuwste eerst; filter met theme, municipality, status en q (woorden om te zoeken), sorteer met sort (newest, trending, most_supported, most_discussed), tot 100 per pagina met limit.
developers-idea = Eén idee met de volledige tekst, de geschiedenis van de status, de openbare antwoorden en het project.
developers-themes = De thema’s, met hun namen en beschrijvingen in het Frans, het Nederlands en het Engels.
developers-municipalities = De gemeenten, met hun namen in de drie talen.
developers-projects = Kandidaat-projecten en hun voortgang, de nieuwste eerst; filter met status en theme.
developers-project = Eén project met de mijlpalen, de tijdlijn en de ideeën waaruit het ontstond.
developers-commitments = Wat elk regeringslid in een jaar heeft aangenomen.
developers-dashboard = De cijfers van het Program Office: ideeën, steun en projecten per thema, deelname per maand.
developers-comments = De discussie over een idee in de volgorde waarin ze geschreven werd; parent_id bouwt de draden weer op. Wat verborgen of verwijderd werd, staat er zonder tekst.
developers-similar = Tot vijf ideeën waarvan de titel het meest op een tekst lijkt: wat iedereen ziet voor een nieuw idee te publiceren.
developers-ideas-csv = Alle ideeën die aan dezelfde filters voldoen, als CSV (één kopregel, UTF-8).
developers-projects-csv = Alle projecten, als CSV.
developers-feed-ideas = De nieuwste ideeën, als Atom-feed; theme en municipality beperken hem.
developers-feed-responses = Beslissingen over ideeën en openbare antwoorden, als Atom-feed.
developers-feed-projects = Nieuws over de projecten, als Atom-feed; /api/v1/feeds/projects/{id} voor één project.
developers-document = Het document van de API (OpenAPI 3.1).
developers-licence-title = Licentie
developers-licence = De gegevens worden gepubliceerd onder deze licentie, die in elk antwoord staat. Vermeld Agora als bron wanneer je ze hergebruikt:
developers-privacy = De API toont alleen wat de openbare pagina’s tonen: openbare namen, nooit e-mailadressen, en niets wat de moderatoren verborgen. Een account dat de houder verwijderde, verschijnt als een verwijderd account.
developers-limits-title = Grenzen en goede manieren
developers-limits-rate = Elk netwerk mag { $count } verzoeken per minuut doen. De header RateLimit zegt hoeveel er overblijven; daarboven antwoordt de API 429 met Retry-After.
developers-limits-pages = Lijsten lees je pagina per pagina: volg het next-adres van elke pagina. Ideeën die intussen bijkomen, verschuiven de pagina’s nooit.
developers-limits-cache = Elk antwoord draagt een ETag en een Last-Modified-datum: stuur de ETag terug in If-None-Match (of de datum in If-Modified-Since) en de API antwoordt 304, zonder iets te downloaden, als er niets veranderde. De ETag is op elke server dezelfde: vertrouw daarop.
developers-errors-title = Fouten
developers-errors = Fouten komen als application/problem+json (RFC 9457), met de HTTP-status en een vaste code:
developers-error-bad_request = een parameter of cursor wordt niet begrepen (400).
developers-error-not_found = dit eindpunt, idee of project bestaat niet (404).
developers-error-rate_limited = te veel verzoeken vanuit je netwerk (429).
developers-error-internal = er ging bij ons iets mis (500); probeer het later opnieuw.
feed-ideas = Nieuwe ideeën (Atom-feed)
feed-responses = Beslissingen en antwoorden (Atom-feed)
feed-projects = Nieuws over de projecten (Atom-feed)
feed-project = Nieuws over dit project (Atom-feed)
developers-examples-title = Voorbeelden

## Nieuws per e-mail: voorkeuren, overzichten, uitschrijven
mail-settings-title = E-mail
mail-settings-frequency = Hoe vaak mogen we je schrijven over wat je volgt?
mail-frequency-instant = Meteen, bij elk nieuwtje
mail-frequency-daily = Een dagelijks overzicht (om 8 uur)
mail-frequency-weekly = Een wekelijks overzicht (maandag om 8 uur)
mail-frequency-never = Nooit
mail-settings-kinds = Waarover?
mail-kind-mine = Antwoorden en statuswijzigingen van de ideeën die ik schreef of volg
mail-kind-replies = Antwoorden op mijn reacties
mail-kind-follows = Nieuwe reacties op wat ik volg
mail-kind-projects = Nieuws van de projecten die ik volg
mail-settings-submit = Mijn e-mailkeuzes bewaren
mail-settings-saved = Je e-mailkeuzes zijn bewaard.
unsubscribe-title = Deze e-mails stopzetten
unsubscribe-all = Geen e-mails meer over wat je volgt op Agora? Je blijft de e-mails krijgen waar je zelf om vraagt (een nieuw wachtwoord, bijvoorbeeld).
unsubscribe-one = Geen e-mails meer over: { $kind }?
unsubscribe-submit = Deze e-mails stopzetten
unsubscribe-done = Klaar: je krijgt deze e-mails niet meer.
unsubscribe-change = Kies op je profiel wat je ontvangt
mail-news-subject-daily = Je nieuws van Agora
mail-news-subject-weekly = Je week op Agora
mail-news-subject-one = Nieuws op Agora: { $title }
mail-news-intro = Dit gebeurde er met wat je volgt.
mail-news-why = Je krijgt deze e-mail omdat je deze ideeën of projecten volgt.
mail-news-change = Kies wat je ontvangt
mail-news-stop = Deze e-mails stopzetten
mail-news-comment = { $count ->
    [one] Een nieuwe reactie
   *[other] { $count } nieuwe reacties
}
mail-news-reply = { $count ->
    [one] Een antwoord op je reactie
   *[other] { $count } antwoorden op je reacties
}
mail-news-status = { $count ->
    [one] De status veranderde
   *[other] De status veranderde { $count } keer
}
mail-news-response = { $count ->
    [one] Een publiek antwoord
   *[other] { $count } publieke antwoorden
}
mail-news-hidden = De moderatoren verborgen je bijdrage
mail-news-restored = De moderatoren zetten je bijdrage terug
mail-news-project-status = { $count ->
    [one] Het project ging vooruit
   *[other] Het project ging { $count } keer vooruit
}
mail-news-project-update = { $count ->
    [one] Projectnieuws
   *[other] { $count } keer projectnieuws
}
profile-change-email = Je e-mailadres wijzigen
profile-change-email-hint = We sturen een link naar het nieuwe adres; de wijziging gaat in zodra je hem volgt. Je huidige adres wordt op de hoogte gebracht.
profile-change-email-submit = Stuur de bevestigingslink
profile-email-change-sent = We stuurden een link naar je nieuwe adres. Je adres verandert zodra je hem volgt.
profile-email-changed = Je nieuwe e-mailadres is bevestigd: je meldt je er voortaan mee aan.
field-label-new-email = Nieuw e-mailadres
confirm-change-title = Bevestig je nieuwe e-mailadres
confirm-change-lead = Eén klik en dit adres wordt dat van je Agora-account.
confirm-change-submit = Dit adres gebruiken
mail-change-subject = Bevestig je nieuwe e-mailadres voor Agora
mail-change-body = Je vroeg om dit adres te gebruiken voor je Agora-account. Het vervangt het oude zodra je het bevestigt.
mail-change-action = Dit adres gebruiken
mail-change-expiry = De link werkt één keer, gedurende 24 uur.
mail-change-notice-subject = Het adres van je Agora-account wordt gewijzigd
mail-change-notice-body = Iemand die bij je Agora-account is aangemeld, vroeg om het aan een ander e-mailadres te koppelen. We stuurden daar een bevestigingslink naartoe; er verandert niets zolang die niet gevolgd is.
mail-change-notice-action = Open je profiel
mail-change-notice-after = Was jij het niet? Wijzig dan nu je wachtwoord: dat meldt alle anderen af.
