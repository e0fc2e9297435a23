## Cadre
nav-skip = Aller au contenu
brand-tagline = Les idées smart city de Bruxelles
nav-main-label = Principal
nav-home = Accueil
nav-themes = Thèmes
nav-account-label = Votre compte
nav-admin = Administration
nav-sign-out = Se déconnecter
nav-sign-in = Se connecter
nav-register = Créer un compte
nav-language-label = Langue
footer-about = Agora est la plateforme de participation du programme smart city de Bruxelles : habitants, entreprises, universités et pouvoirs publics le construisent ensemble.
footer-programme = Chaque membre du gouvernement s'engage chaque année à mettre en place un projet smart city dans ses compétences. Suivez-les ici.
loading = Chargement…
welcome-user = Bienvenue, { $name }

## Accueil
home-title = Construisons le Bruxelles intelligent de demain
home-heading = Construisons le Bruxelles intelligent de demain
home-lead = Proposez des idées pour une ville plus connectée, inclusive et ouverte, soutenez celles auxquelles vous croyez et suivez-les lorsqu'elles deviennent des projets du gouvernement.
home-how-heading = Comment ça marche
home-step-propose = Proposer
home-step-propose-text = Décrivez une idée dans l'un des thèmes du programme, pour votre quartier ou pour toute la Région.
home-step-support = Soutenir et débattre
home-step-support-text = Votez pour les idées que vous voulez voir aboutir et améliorez-les ensemble dans les commentaires.
home-step-follow = Suivre
home-step-follow-text = Les modérateurs répondent à chaque idée ; les meilleures deviennent des projets portés par un membre du gouvernement, avec une feuille de route publique.
home-themes-heading = Les thèmes du programme

## Page introuvable
not-found-title = Page introuvable
not-found-text = Cette page n'existe pas, ou plus.
not-found-home = Retour à l'accueil

## Erreurs
error-unauthenticated = Veuillez vous connecter pour continuer.
error-forbidden = Vous n'êtes pas autorisé à faire ceci.
error-not_found = Nous n'avons pas trouvé ce que vous cherchez.
error-bad_request = La demande n'a pas pu être comprise. Veuillez réessayer.
error-invalid = Certains champs demandent votre attention.
error-invalid_credentials = L'adresse e-mail ou le mot de passe est incorrect.
error-rate_limited = Trop de tentatives. Réessayez dans { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
}.
error-blocked = Votre compte a été bloqué par un modérateur. Votre page de profil en donne la raison.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer plus tard.

field-required = Ce champ est obligatoire.
field-too_long = C'est trop long.
field-too_short = C'est trop court.
field-email_invalid = Saisissez une adresse e-mail comme nom@exemple.be.
field-password_too_short = Utilisez au moins 12 caractères. Quelques mots sans lien entre eux font une phrase de passe solide.
field-password_too_long = Utilisez au plus 256 caractères.
field-password_weak = Ce mot de passe est trop facile à deviner. Essayez une phrase de passe plus longue, avec des mots inhabituels.
field-password_wrong = Le mot de passe actuel est incorrect.
field-enterprise_number_format = Un numéro d'entreprise compte 10 chiffres, par exemple 0403.170.701.
field-enterprise_number_checksum = Ce numéro d'entreprise n'existe pas : vérifiez les chiffres.
field-registration_number_invalid = Utilisez uniquement des lettres, chiffres, espaces, points, barres obliques et traits d'union.
field-unknown_choice = Choisissez l'une des options.
field-email_taken = Un compte utilise déjà cette adresse e-mail. Voulez-vous vous connecter ?
field-own_role = Vous ne pouvez pas modifier votre propre rôle.
field-slug_taken = Un autre thème utilise déjà cette adresse.

## Comptes
kind-resident = Habitant
kind-business = Entreprise
kind-academic = Institution académique
kind-resident-hint = Vous participez à titre personnel.
kind-business-hint = Vous participez pour une entreprise, avec son numéro d'entreprise.
kind-academic-hint = Vous participez pour une université, une haute école ou un centre de recherche.
role-member = Membre
role-moderator = Modérateur
role-official = Membre du gouvernement
role-admin = Administrateur
badge-verified = Vérifiée
badge-unverified = En attente de vérification

field-label-display-name = Nom public
field-label-email = Adresse e-mail
field-label-password = Mot de passe
field-label-kind = Vous participez en tant que
field-label-organisation-name = Nom de l'organisation
field-label-registration-number = Numéro d'enregistrement
field-label-role = Rôle
field-label-portfolio = Compétences
field-label-current-password = Mot de passe actuel
field-label-new-password = Nouveau mot de passe

register-title = Créer un compte
register-lead = Un seul compte pour proposer des idées, voter, commenter et suivre les projets.
register-display-name-hint = Affiché à côté de vos idées et commentaires.
register-password-hint = Au moins { $min } caractères. Une phrase de passe de quelques mots sans lien est facile à retenir et difficile à deviner.
register-organisation-legend = Organisations uniquement
register-organisation-hint = Les entreprises indiquent leur numéro d'entreprise belge ; les institutions académiques leur numéro d'enregistrement. Un modérateur les vérifie.
register-registration-number-hint = Pour une entreprise : le numéro d'entreprise, par exemple 0403.170.701.
register-submit = Créer mon compte
register-have-account = Vous avez déjà un compte ?

sign-in-title = Se connecter
sign-in-submit = Se connecter
sign-in-no-account = Nouveau sur Agora ?

profile-title = Votre profil
profile-blocked = Un modérateur a bloqué votre compte le { $date }. Vous pouvez toujours tout lire, mais plus proposer, soutenir, commenter ni signaler.
profile-blocked-reason = Sa raison : { $reason }
profile-member-since = Membre depuis le
profile-change-password = Changer votre mot de passe
profile-change-password-submit = Changer le mot de passe
profile-password-changed = Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.

## Thèmes
themes-title = Thèmes
themes-lead = Le programme smart city couvre ces thèmes. Chaque idée appartient à l'un d'eux.
theme-archived = Archivé

## Administration
admin-nav-label = Administration
admin-accounts-title = Comptes et rôles
admin-themes-title = Thèmes
admin-audit-title = Journal d'audit
admin-all-roles = Tous les rôles
admin-filter = Filtrer
admin-joined = Inscription
admin-save = Enregistrer
admin-edit = Modifier
admin-older = Entrées plus anciennes
admin-theme-new = Ajouter un thème
admin-theme-create = Ajouter le thème
admin-theme-edit = Modifier le thème
admin-theme-up = Monter
admin-theme-down = Descendre
admin-theme-archive = Archiver
admin-theme-restore = Restaurer
admin-theme-slug-hint = Partie de l'adresse du thème : lettres minuscules, chiffres et traits d'union, par exemple mobilite-intelligente. Elle ne pourra plus être modifiée.
field-label-slug = Adresse
field-label-theme-name = Nom
field-label-theme-description = Description
audit-when = Quand
audit-who = Qui
audit-what = Action
audit-repeats = (× { $count } dans la minute)
audit-target = Sur
audit-detail = Détail

## Idées
nav-ideas = Idées
home-explore-ideas = Parcourir les idées
ideas-new = Proposer une idée
ideas-title = Idées
ideas-lead = Les idées des habitants, des entreprises et des universités pour un Bruxelles plus intelligent. Soutenez celles que vous voulez voir aboutir.
ideas-filters = Filtrer les idées
ideas-all-themes = Tous les thèmes
ideas-status = Statut
ideas-all-statuses = Tous les statuts
ideas-all-districts = Tout Bruxelles
ideas-sort = Ordre
sort-newest = Les plus récentes
sort-trending = Tendance cette semaine
sort-most_votes = Les plus soutenues
ideas-empty = Aucune idée ne correspond encore à ces filtres.
ideas-pages = Pages
ideas-previous = Page précédente
ideas-next = Page suivante
field-label-theme = Thème
field-label-district = Commune
field-label-title = Titre
field-label-body = Description
idea-new-title = Proposer une idée
idea-new-lead = Décrivez ce que vous changeriez et pourquoi. Les autres habitants pourront la soutenir et l'améliorer, et les modérateurs répondent à chaque idée.
idea-title-hint = Une phrase courte qui dit ce qu'est l'idée, 120 caractères au plus.
idea-body-hint = Les paragraphes sont conservés et les adresses web deviennent des liens. 5 000 caractères au plus.
idea-choose-theme = Choisissez un thème
idea-district-hint = Facultatif : où, à Bruxelles, l'idée s'applique.
idea-whole-region = Toute la Région
idea-submit = Publier mon idée
idea-support-label = Soutien
idea-withdraw = Retirer mon idée
idea-history = Historique
status-open = Ouverte
status-under_review = En cours d'examen
status-accepted = Acceptée
status-declined = Refusée
status-duplicate = Doublon
status-withdrawn = Retirée
vote-count = { $count ->
    [one] soutien
   *[other] soutiens
}
vote-count-long = { $count ->
    [one] { $count } soutien
   *[other] { $count } soutiens
}
vote-support = Soutenir cette idée
vote-remove = Retirer mon soutien
similar-heading = Des idées semblables, déjà proposées
similar-support-instead = Soutenir plutôt celle-ci
similar-anyway-hint = La vôtre est différente ?
similar-publish-anyway = Publier la mienne quand même
similar-in-queue = Peut-être la même que
vote-sign-in = Connectez-vous pour soutenir
vote-closed = Cette idée ne recueille plus de soutiens.
badge-moderator = Modérateur
badge-official = Membre du gouvernement
error-closed = Cette idée n'est plus ouverte pour cela.
error-supported = D’autres personnes ont déjà soutenu ou commenté cette idée : son texte ne peut plus changer. Vous pouvez répondre dans les commentaires.
error-project_stage = Ce n’est pas possible à l’étape où se trouve le projet.
error-ideas_per_day = Vous avez proposé 10 idées ces dernières 24 heures, le maximum pour un compte. Revenez demain.
error-comment_too_soon = Vous venez de commenter. Patientez dix secondes avant de publier à nouveau.
idea-edit-title = Modifier votre idée
idea-edit-lead = Vous pouvez modifier votre idée tant que personne d'autre ne l'a soutenue ou commentée.
my-ideas-title = Vos idées
my-supported-title = Les idées que vous soutenez
my-ideas-empty = Vous n'avez pas encore proposé d'idée.
my-supported-empty = Vous ne soutenez encore aucune idée.
profile-your-activity = Votre activité
sort-most_discussed = Les plus discutées
ideas-search = Rechercher
ideas-search-placeholder = Des mots du titre ou de la description
ideas-apply = Afficher les idées
ideas-search-empty = Aucune idée ne correspond à « { $words } ». Essayez moins de mots, ou des mots plus courts.
comment-count = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
my-following-title = Les idées que vous suivez
my-following-empty = Vous ne suivez encore aucune idée. Suivez une idée pour être prévenu de ses commentaires et des décisions.
follow-start = Suivre cette idée
follow-stop = Ne plus suivre
follow-on-hint = Vous êtes prévenu des nouveaux commentaires et des décisions.
follow-off-hint = Suivez-la pour être prévenu des nouveaux commentaires et des décisions.
nav-notifications = Notifications
nav-notifications-unread = { $count ->
    [one] { $count } notification non lue
   *[other] { $count } notifications non lues
}
notifications-title = Notifications
notifications-unread = { $count ->
    [0] Tout est lu.
    [one] { $count } notification non lue
   *[other] { $count } notifications non lues
}
notifications-mark-all = Tout marquer comme lu
notifications-someone = Quelqu’un
notifications-new = Nouveau
notifications-empty = Rien pour l’instant. Quand quelqu’un commente une idée que vous suivez ou vous répond, vous le verrez ici.
notification-comment = { $who } a commenté
notification-reply = { $who } a répondu à votre commentaire sur
notification-status = Le statut a changé pour
notification-response = { $who } a répondu publiquement sur
notification-hidden = Les modérateurs ont masqué votre contribution sur
notification-concealed = Une nouvelle concernant une contribution masquée depuis par les modérateurs.
notification-restored = Les modérateurs ont rétabli votre contribution sur
notification-note = Leur motif : « { $note } »
comments-title = { $count ->
    [0] Commentaires
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
comments-order = Ordre des commentaires
comments-order-newest = Les plus récents d’abord
comments-order-oldest = Les plus anciens d’abord
comments-closed = Cette idée a été retirée ; elle ne reçoit plus de commentaires.
comments-sign-in = Connectez-vous pour commenter
comments-pages = Pages de commentaires
comments-previous = Commentaires plus récents
comments-next = Commentaires plus anciens
comments-replies-all = Afficher les { $count } réponses
comments-replies-earlier = Réponses précédentes
comments-replies-later = Réponses suivantes
comments-replies-latest = N’afficher que les dernières réponses
comments-replies-pages = Pages de réponses
comment-label = Votre commentaire
comment-hint = 2 000 caractères au plus. Restez courtois et centré sur l’idée.
comment-submit = Publier le commentaire
comment-reply = Répondre
comment-reply-label = Votre réponse
comment-reply-submit = Publier la réponse
comment-cancel = Annuler
comment-edit-label = Corrigez votre commentaire
comment-edited = modifié
comment-deleted = Commentaire supprimé.
comment-delete = Supprimer
comment-by = Commentaire de { $who }
moderation-status-title = Modération
moderation-new-status = Nouveau statut
moderation-note = Note publique
moderation-note-hint = Affichée dans l’historique de l’idée et envoyée à ceux qui la suivent. Obligatoire pour refuser.
moderation-apply = Changer le statut
admin-blocking = Blocage
admin-blocked = Bloqué
admin-block = Bloquer
admin-unblock = Débloquer
admin-block-reason = Motif du blocage
idea-public-response = Réponse des modérateurs

# Moderation: reports, the queue, hiding, merging, public responses
nav-moderation = Modération
error-hidden = Les modérateurs ont masqué ce contenu. Si vous en êtes l'auteur, connectez-vous pour en lire la raison.
field-same_idea = Une idée ne peut pas être son propre doublon : indiquez-en une autre.
field-original_closed = Cette idée ne reçoit plus de soutiens (décidée, retirée, fusionnée ou masquée) : indiquez une idée ouverte.
moderation-reports = { $count ->
    [one] { $count } signalement
   *[other] { $count } signalements
}
report-reason-spam = Spam ou publicité
report-reason-offensive = Injurieux ou offensant
report-reason-off_topic = Hors sujet
report-reason-other = Autre chose
report-idea = Signaler cette idée
report-comment = Signaler
report-idea-title = Pourquoi les modérateurs devraient-ils examiner cette idée ?
report-comment-title = Pourquoi les modérateurs devraient-ils examiner ce commentaire ?
report-note = Avec vos mots
report-note-hint = Obligatoire pour « Autre chose ». L'auteur ne sait jamais qui a signalé.
report-submit = Envoyer le signalement
report-thanks = Merci. Les modérateurs vont l'examiner.
report-already = Vous l'aviez déjà signalé. Les modérateurs vont l'examiner.
hidden-idea-title = Cette idée est masquée : seuls vous et les modérateurs la voyez.
hidden-by-moderators = Les modérateurs l'ont masquée : { $reason }
hidden-by-moderators-no-reason = Les modérateurs l'ont masquée.
hidden-after-reports = Plusieurs membres l'ont signalée : elle est masquée jusqu'à la décision d'un modérateur.
comment-hidden = Ce commentaire a été masqué par les modérateurs.
moderation-merge-title = Doublon d'une autre idée
moderation-duplicate-of = Doublon de
moderation-duplicate-of-hint = Le numéro de l'idée d'origine, ou son adresse. Les soutiens et les abonnés y sont déplacés ; les commentaires restent ici.
moderation-merge = Fusionner avec l'idée d'origine
moderation-hide-title = Masquer
moderation-restore-title = Rétablir
moderation-hide-reason = Raison (l'auteur la lira)
moderation-restore-reason = Raison (l’auteur la lit)
moderation-keep-reason = Pourquoi il reste visible (son auteur le lit s’il était masqué)
moderation-block-author = Bloquer l’auteur
moderation-author-blocked = Son auteur est bloqué.
moderation-unblock-reason = Raison du déblocage (gardée dans le journal d’audit)
moderation-hide = Masquer
moderation-restore = Rétablir
moderation-keep-visible = Laisser visible
respond-title = Répondre publiquement
respond-label = Votre réponse
respond-hint = Affichée au-dessus de l'idée avec votre rôle et envoyée à tous ceux qui la suivent. Le statut ne change pas.
respond-submit = Publier la réponse
idea-public-response-official = Réponse du gouvernement
idea-history-response = Réponse publique
idea-duplicate-of = Fusionnée avec :
queue-title = File de modération
queue-lead = Les nouvelles idées à trier, les signalements à trancher, les contenus masqués, les organisations à vérifier et les comptes bloqués.
queue-keyboard = Au clavier : j pour l'élément suivant, k pour le précédent, Tab pour atteindre sa décision.
queue-tabs = File
queue-tab-new = Nouvelles idées
queue-tab-reported = Signalés
queue-tab-hidden = Masqués
queue-tab-organisations = Organisations
queue-empty-new = Toutes les idées ont été triées. Bravo.
queue-empty-reported = Aucun signalement en attente.
queue-empty-hidden = Rien n'est masqué.
queue-empty-organisations = Aucune organisation n'attend de vérification.
queue-kind-idea = Idée
queue-kind-comment = Commentaire
queue-comment-on = Commentaire sur « { $title } »
queue-verify = Vérifier cette organisation
queue-verify-reason = Comment vous l’avez vérifiée (par exemple dans la Banque-Carrefour des Entreprises)
queue-tab-blocked = Comptes bloqués
queue-empty-blocked = Aucun compte n’est bloqué.
queue-kind-account = Compte bloqué
queue-blocked-since = Bloqué le { $date } par { $who }
queue-blocked-reason = Raison donnée au titulaire du compte : { $reason }
triage-decision = Décision
triage-keep = Rien à redire (reste ouverte)
triage-under_review = Mettre à l'étude
triage-declined = Refuser
triage-duplicate = Doublon d'une autre idée
triage-hide = Masquer
triage-note = Note publique ou raison
triage-note-hint = Obligatoire pour refuser ou masquer. L'auteur et les abonnés la liront.
triage-duplicate-hint = Seulement pour un doublon : le numéro ou l'adresse de l'idée d'origine.
triage-submit = Décider
audit-filters = Filtrer le journal
audit-actor-placeholder = Adresse e-mail ou nom public
audit-all-actions = Toutes les actions
audit-from = Du
audit-to = Au
audit-empty = Aucune entrée ne correspond à ces filtres.
badge-hidden = Masquée
respond-open = Rédiger une réponse publique
# Projects
nav-projects = Projets
nav-desk = Bureau
programme-nav-label = Le programme
projects-title = Projets
projects-lead = Les meilleures idées deviennent des projets portés par un membre du gouvernement. Suivez chacun d’eux, de la candidature à la réalisation.
projects-filters = Filtrer les projets
projects-all-owners = Tous les membres du gouvernement
projects-apply = Afficher les projets
projects-empty = Aucun projet ne correspond encore à ces filtres.
project-status-candidate = Candidat
project-status-adopted = Adopté
project-status-in_progress = En cours
project-status-completed = Réalisé
project-status-declined = Refusé
project-owner = Membre du gouvernement
project-summary = Résumé
project-summary-hint = Ce que le projet va faire et pour qui. Les paragraphes sont conservés. 3 000 caractères au plus.
project-factors = Facteurs critiques de succès
project-factors-hint = Un par ligne, par ordre d’importance ; 10 au plus.
project-choose-owner = Choisissez un membre du gouvernement
project-promote = Promouvoir des idées
project-promote-this = Promouvoir en projet
project-promote-title = Promouvoir des idées en projet
project-promote-lead = Choisissez une ou plusieurs idées sur lesquelles personne n’a encore statué. Elles deviennent un projet candidat pour un membre du gouvernement, qui l’adopte ou le refuse publiquement.
project-promote-filter = Affiner les idées
project-promote-ideas = Idées à promouvoir
project-promote-ideas-hint = Idées ouvertes et idées à l’étude, les plus soutenues d’abord. Leurs auteurs et ceux qui les suivent seront prévenus.
project-promote-no-ideas = Aucune idée ne peut être promue pour le moment.
project-promote-submit = Créer le projet candidat
project-promoted-note = Promue dans le projet « { $title } ».
field-idea_not_promotable = Une des idées a déjà fait l’objet d’une décision ou est masquée ; ne choisissez que des idées ouvertes.
project-progress = { $done } jalon(s) atteint(s) sur { $total } ({ $percent } %)
project-progress-none = Pas encore de jalons
project-progress-heading = Avancement
project-at-a-glance = Le projet en bref
project-followers = { $count ->
    [one] { $count } personne suit ce projet
   *[other] { $count } personnes suivent ce projet
}
project-follow = Suivre ce projet
project-follow-on-hint = Vous êtes prévenu de ses décisions et de ses nouvelles.
project-follow-off-hint = Suivez-le pour être prévenu de ses décisions et de ses nouvelles.
project-sign-in-to-follow = Connectez-vous pour suivre
project-statement-adopted = Déclaration d’adoption
project-statement-declined = Déclaration de refus
project-manage-title = Votre projet
project-decide-title = Adopter ou refuser
project-decide-hint = Votre déclaration est publiée sur la page du projet et envoyée à tous ceux qui suivent le projet ou ses idées.
project-statement = Votre déclaration publique
project-adopt = Adopter le projet
project-decline = Refuser le projet
project-start = Lancer les travaux
project-complete = Marquer comme réalisé
project-note = Note publique
project-note-hint = Facultative. Affichée dans le fil du projet et envoyée à ceux qui le suivent.
project-reassign-title = Confier à un autre membre du gouvernement
project-reassign = Réattribuer
project-roadmap = Feuille de route
project-roadmap-empty = Aucun jalon n’a encore été fixé.
project-milestone-add = Ajouter un jalon
project-milestone-title = Jalon
project-milestone-date = Date prévue
project-milestone-date-hint = Le jour où il doit être atteint, par exemple 2025-06-30.
project-milestone-target = Prévu le { $date }
project-milestone-done-on = Atteint le { $date }
project-milestone-done = Atteint
project-milestone-planned = Prévu
project-milestone-mark-done = Marquer comme atteint
project-milestone-undo = Marquer comme non atteint
project-milestone-remove = Supprimer
project-milestone-edit = Modifier
project-milestone-save = Enregistrer le jalon
project-timeline = Fil du projet
project-timeline-update = Nouvelles
project-timeline-owner = Confié à { $name }
project-update-label = Publier des nouvelles
project-update-hint = Ce qui s’est passé, ce qui vient ensuite. Tous ceux qui suivent le projet ou ses idées sont prévenus.
project-update-submit = Publier
project-source-ideas = D’où vient ce projet
project-supporters = { $count ->
    [one] { $count } personne soutient les idées ci-dessous.
   *[other] { $count } personnes soutiennent les idées ci-dessous.
}
idea-project-label = Cette idée fait partie du projet
notification-project_status = { $who } a changé le statut de
notification-project_update = { $who } a publié des nouvelles de
desk-title = Votre bureau
desk-lead = Les projets candidats qui vous sont confiés et les projets que vous portez : décidez publiquement, tenez la feuille de route à jour et racontez comment cela avance.
desk-pending = En attente de votre décision
desk-active = En cours
desk-closed = Réalisés ou refusés
desk-keep-up = Mettre à jour la feuille de route
desk-open = Ouvrir
desk-none = Rien ici.
commitments-title = Engagements du gouvernement
commitments-lead = Chaque membre du gouvernement met en place chaque année un projet smart city dans un de ses domaines de compétence. Voici où en est chacun d’eux.
commitments-summary = { $year } : { $done } membre(s) du gouvernement sur { $total } ont adopté un projet
commitments-none = Pas encore de projet adopté cette année
commitments-pending = { $count ->
    [one] { $count } projet candidat attend sa décision.
   *[other] { $count } projets candidats attendent sa décision.
}
commitments-adopted-on = adopté le { $date }
commitments-no-portfolio = Compétences non renseignées
commitments-empty = Aucun membre du gouvernement n’a encore de compte.
dashboard-title = Tableau de bord du programme
dashboard-lead = La vue du Smart City Program Office sur le programme : idées, soutiens et projets par thème, et qui participe.
dashboard-as-of = Chiffres comptés le { $date } à { $time }.
dashboard-themes-title = Idées par thème
dashboard-themes-summary = Graphique en barres des idées proposées et acceptées dans chaque thème ; le tableau ci-dessous en donne les chiffres.
dashboard-themes-table = Idées, soutiens et projets par thème
dashboard-ideas = Idées proposées
dashboard-votes = Soutiens
dashboard-accepted = Idées acceptées
dashboard-projects-status = Projets : { $status }
dashboard-projects-title = Projets par statut
dashboard-projects-summary = Graphique en barres du nombre de projets dans chaque statut ; le tableau ci-dessous en donne les chiffres.
dashboard-projects-table = Projets par statut
dashboard-participation-title = Participation par type de compte
dashboard-participation-lead = Comptes qui ont proposé, soutenu ou commenté une idée, chaque mois.
dashboard-participation-summary = Graphique en colonnes des habitants, entreprises et établissements académiques qui participent chaque mois sur les douze derniers mois ; le tableau ci-dessous en donne les chiffres.
dashboard-participation-table = Comptes participants par mois
dashboard-month = Mois
dashboard-total = Total
dashboard-residents = Habitants
dashboard-businesses = Entreprises
dashboard-academics = Établissements académiques

## Courriel : confirmer une adresse, réinitialiser un mot de passe
error-email_unconfirmed = Confirmez d’abord votre adresse e-mail : suivez le lien que nous vous avons envoyé.
error-link_expired = Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.
error-similar_ideas = Des idées semblables à la vôtre ont déjà été proposées. Soutenez-en une, ou publiez la vôtre quand même.
confirm-email-resend = Renvoyer le lien
confirm-email-sent = Nous avons envoyé un nouveau lien. Il peut mettre une minute à arriver ; regardez aussi dans vos indésirables.
profile-confirm-email = Nous avons envoyé un lien à { $email }. Suivez-le pour confirmer votre adresse ; vous pourrez ensuite proposer des idées, les soutenir et commenter.
profile-email-confirmed = Votre adresse e-mail est confirmée. Bienvenue !
sign-in-forgot = Mot de passe oublié ?
sign-in-email-confirmed = Votre adresse e-mail est confirmée. Connectez-vous pour participer.
sign-in-password-reset = Votre mot de passe a été changé et tous les appareils ont été déconnectés. Connectez-vous avec le nouveau.
verify-email-title = Confirmez votre adresse e-mail
verify-email-lead = Un clic et votre adresse est confirmée : vous pourrez alors proposer des idées, les soutenir et commenter.
verify-email-submit = Confirmer mon adresse e-mail
forgot-password-title = Mot de passe oublié ?
forgot-password-lead = Indiquez l’adresse e-mail de votre compte. Nous y enverrons un lien pour choisir un nouveau mot de passe.
forgot-password-submit = M’envoyer un lien
forgot-password-sent = Si un compte utilise cette adresse, nous lui avons envoyé un lien, valable une heure. Regardez aussi dans vos indésirables.
forgot-password-back = Retour à la connexion
reset-password-title = Choisissez un nouveau mot de passe
reset-password-lead = Une fois le mot de passe changé, tous les appareils connectés à votre compte sont déconnectés.
reset-password-submit = Changer mon mot de passe
reset-password-new-link = Demander un nouveau lien
mail-greeting = Bonjour { $name },
mail-signature = Agora, la plateforme de participation du programme ville intelligente
mail-ignore = Si vous n’avez rien demandé, ignorez ce message : rien ne changera.
mail-verify-subject = Confirmez votre adresse e-mail pour Agora
mail-verify-body = Merci de confirmer que cette adresse est bien la vôtre. Vous pourrez ensuite proposer des idées, les soutenir et commenter sur Agora.
mail-verify-action = Confirmer mon adresse e-mail
mail-verify-expiry = Le lien fonctionne une fois, pendant 48 heures.
mail-reset-subject = Choisissez un nouveau mot de passe pour Agora
mail-reset-body = Quelqu’un, sans doute vous, a demandé à choisir un nouveau mot de passe pour votre compte Agora.
mail-reset-action = Choisir un nouveau mot de passe
mail-reset-expiry = Le lien fonctionne une fois, pendant une heure. Changer de mot de passe déconnecte tous les appareils connectés à votre compte.

## Les données de la personne : export, suppression, vie privée
profile-your-data = Vos données
profile-your-data-lead = Consultez tout ce qu’Agora conserve à votre sujet, emportez-le dans un fichier ou supprimez votre compte.
my-data-title = Mes données
my-data-lead = Tout ce qu’Agora conserve sur votre compte, tel que c’est conservé. Les dates sont en millisecondes depuis le 1er janvier 1970 (UTC).
my-data-download = Télécharger mes données (JSON)
my-data-profile = Profil
my-data-ideas = Idées que vous avez proposées
my-data-comments = Commentaires que vous avez écrits
my-data-votes = Idées que vous soutenez
my-data-followed-ideas = Idées que vous suivez
my-data-followed-projects = Projets que vous suivez
my-data-notifications = Vos notifications
my-data-notifications-caused = Notifications que vos actions ont envoyées à d’autres
my-data-reports = Vos signalements
my-data-moderation-decisions = Vos décisions de modération
my-data-projects = Projets dont vous êtes responsable ou que vous avez créés
my-data-project-updates = Nouvelles de projets que vous avez écrites
my-data-emails = E-mails qui vous ont été envoyés
my-data-email-links = Liens qui vous ont été envoyés par e-mail
my-data-audit = Le journal d’audit concernant votre compte
delete-account-title = Supprimer mon compte
delete-account-what-goes = Votre adresse e-mail, votre nom, votre mot de passe, les données de votre organisation, vos sessions, suivis, notifications et e-mails sont effacés immédiatement. Personne, même un administrateur, ne peut les lire ni les restaurer.
delete-account-what-stays = Vos idées et commentaires restent lisibles, signés « un compte supprimé » ; vos votes continuent de compter, anonymement. Votre adresse e-mail pourra servir à un nouveau compte.
delete-account-export-first = Téléchargez d’abord vos données
delete-account-erase-comments = Effacer aussi le texte de mes commentaires
delete-account-submit = Supprimer définitivement mon compte
sign-in-account-deleted = Votre compte a été supprimé. Merci d’avoir participé.
deleted-account = un compte supprimé
privacy-title = Vie privée
privacy-lead = Agora conserve ce qu’il faut pour vous permettre de participer, rien de plus, et vous pouvez le consulter, l’emporter ou l’effacer à tout moment.
privacy-stored-title = Ce que nous conservons, et pourquoi
privacy-stored-account = Votre compte : adresse e-mail (pour vous connecter et vous écrire), nom public, mot de passe (uniquement sous forme de hachage Argon2id), la langue de vos e-mails et, pour les organisations, leur nom et leur numéro d’enregistrement.
privacy-stored-participation = Ce que vous faites en public : idées, commentaires, votes, suivis et signalements, pour qu’ils comptent et puissent être modérés.
privacy-stored-mail = Les e-mails que nous vous envoyons (confirmation, nouveau mot de passe) jusqu’à leur envoi, et les liens qu’ils contiennent (uniquement sous forme de hachage).
privacy-stored-audit = Un journal d’audit des actions importantes (connexions, changements de rôle ou de mot de passe, modération), sans mots de passe ni contenus de messages, pour que la plateforme rende des comptes.
privacy-kept-title = Pour combien de temps
privacy-kept-sessions = Les sessions se terminent après un jour d’inactivité, et immédiatement quand vous vous déconnectez ou changez de mot de passe.
privacy-kept-links = Les liens envoyés par e-mail fonctionnent une heure (nouveau mot de passe) ou deux jours (confirmation), une seule fois.
privacy-kept-outbox = Un e-mail attend dans la file d’envoi jusqu’à son envoi ; ensuite seuls son type, son objet et ses dates restent, et ils partent avec votre compte.
privacy-kept-networks = Le réseau depuis lequel vous vous êtes inscrit est conservé un jour, sous forme de hachage, pour limiter les inscriptions en masse.
privacy-kept-audit = Le journal d’audit est conservé tant que la plateforme fonctionne ; les entrées d’un compte supprimé ne gardent que son numéro.
privacy-rights-title = Vos droits
privacy-rights-export = Consulter tout ce qui est conservé à votre sujet et le télécharger dans un fichier :
privacy-rights-delete = Supprimer votre compte, après confirmation par votre mot de passe :
privacy-no-tracking = Agora n’utilise ni publicité, ni scripts de tiers, ni cookies de pistage : seulement les cookies qui vous gardent connecté et retiennent votre langue.
developers-title = Données ouvertes
developers-lead = Les idées, thèmes, communes, projets, engagements et chiffres d’Agora sont des données ouvertes : lisez-les avec l’API ci-dessous et réutilisez-les selon la licence.
developers-api-title = L’API
developers-api-intro = Une API en lecture seule répond en JSON sous /api/v1/. Chaque point d’accès, paramètre et champ est décrit dans son document OpenAPI 3.1 :
developers-ideas = Les idées, les plus récentes d’abord ; filtrez avec theme, municipality, status et q (mots à chercher), triez avec sort (newest, trending, most_supported, most_discussed), jusqu’à 100 par page avec limit.
developers-idea = Une idée avec son texte complet, l’historique de son statut, les réponses publiques et son projet.
developers-themes = Les thèmes, avec leurs noms et descriptions en français, en néerlandais et en anglais.
developers-municipalities = Les communes, avec leurs noms dans les trois langues.
developers-projects = Les projets candidats et leur avancement, les plus récents d’abord ; filtrez avec status et theme.
developers-project = Un projet avec ses jalons, sa chronologie et les idées dont il est né.
developers-commitments = Ce que chaque membre du gouvernement a adopté au cours d’une année.
developers-dashboard = Les chiffres du Program Office : idées, soutiens et projets par thème, participation par mois.
developers-comments = La discussion d’une idée dans l’ordre où elle a été écrite ; parent_id reconstruit les fils. Ce qui a été masqué ou supprimé y figure sans son texte.
developers-similar = Jusqu’à cinq idées dont le titre ressemble le plus à un texte : ce que chacun voit avant de publier une nouvelle idée.
developers-ideas-csv = Toutes les idées qui répondent aux mêmes filtres, en CSV (une ligne d’en-tête, UTF-8).
developers-projects-csv = Tous les projets, en CSV.
developers-feed-ideas = Les idées les plus récentes, en flux Atom ; theme et municipality le restreignent.
developers-feed-responses = Les décisions sur les idées et les réponses publiques, en flux Atom.
developers-feed-projects = Les nouvelles des projets, en flux Atom ; /api/v1/feeds/projects/{id} pour un projet.
developers-document = Le document de l’API (OpenAPI 3.1).
developers-licence-title = Licence
developers-licence = Les données sont publiées sous cette licence, rappelée dans chaque réponse. Citez Agora comme source lorsque vous les réutilisez :
developers-privacy = L’API ne montre que ce que montrent les pages publiques : des noms publics, jamais d’adresse e-mail, et rien de ce que les modérateurs ont masqué. Un compte supprimé par son titulaire apparaît comme un compte supprimé.
developers-limits-title = Limites et bonnes manières
developers-limits-rate = Chaque réseau peut faire { $count } requêtes par minute. L’en-tête RateLimit indique combien il en reste ; au-delà, l’API répond 429 avec Retry-After.
developers-limits-pages = Les listes se lisent page par page : suivez l’adresse next de chaque page. Les idées ajoutées entre-temps ne décalent jamais les pages.
developers-limits-cache = Chaque réponse porte un ETag et une date Last-Modified : renvoyez l’ETag dans If-None-Match (ou la date dans If-Modified-Since) et l’API répond 304, sans rien à télécharger, si rien n’a changé. L’ETag est le même sur chaque serveur : fiez-vous à lui.
developers-errors-title = Erreurs
developers-errors = Les erreurs sont répondues en application/problem+json (RFC 9457), avec le statut HTTP et un code stable :
developers-error-bad_request = un paramètre ou un curseur n’est pas compris (400).
developers-error-not_found = ce point d’accès, cette idée ou ce projet n’existe pas (404).
developers-error-rate_limited = trop de requêtes depuis votre réseau (429).
developers-error-internal = une erreur de notre côté (500) ; réessayez plus tard.
feed-ideas = Nouvelles idées (flux Atom)
feed-responses = Décisions et réponses (flux Atom)
feed-projects = Nouvelles des projets (flux Atom)
feed-project = Nouvelles de ce projet (flux Atom)
developers-examples-title = Exemples

## Nouvelles par e-mail : préférences, résumés, désinscription
mail-settings-title = E-mail
mail-settings-frequency = À quelle fréquence vous écrire sur ce que vous suivez ?
mail-frequency-instant = Tout de suite, à chaque nouvelle
mail-frequency-daily = Un résumé quotidien (à 8 heures)
mail-frequency-weekly = Un résumé hebdomadaire (le lundi à 8 heures)
mail-frequency-never = Jamais
mail-settings-kinds = À quel sujet ?
mail-kind-mine = Réponses et changements de statut des idées que j’ai écrites ou que je suis
mail-kind-replies = Réponses à mes commentaires
mail-kind-follows = Nouveaux commentaires sur ce que je suis
mail-kind-projects = Nouvelles des projets que je suis
mail-settings-submit = Enregistrer mes choix d’e-mail
mail-settings-saved = Vos choix d’e-mail sont enregistrés.
unsubscribe-title = Ne plus recevoir ces e-mails
unsubscribe-all = Ne plus recevoir aucun e-mail sur ce que vous suivez sur Agora ? Vous recevrez toujours les e-mails que vous demandez (un nouveau mot de passe, par exemple).
unsubscribe-one = Ne plus recevoir d’e-mails sur : { $kind } ?
unsubscribe-submit = Ne plus recevoir ces e-mails
unsubscribe-done = C’est fait : vous ne recevrez plus ces e-mails.
unsubscribe-change = Choisir ce que vous recevez sur votre profil
mail-news-subject-daily = Vos nouvelles d’Agora
mail-news-subject-weekly = Votre semaine sur Agora
mail-news-subject-one = Du nouveau sur Agora : { $title }
mail-news-intro = Voici ce qui s’est passé sur ce que vous suivez.
mail-news-why = Vous recevez cet e-mail parce que vous suivez ces idées ou projets.
mail-news-change = Choisir ce que vous recevez
mail-news-stop = Ne plus recevoir ces e-mails
mail-news-comment = { $count ->
    [one] Un nouveau commentaire
   *[other] { $count } nouveaux commentaires
}
mail-news-reply = { $count ->
    [one] Une réponse à votre commentaire
   *[other] { $count } réponses à vos commentaires
}
mail-news-status = { $count ->
    [one] Son statut a changé
   *[other] Son statut a changé { $count } fois
}
mail-news-response = { $count ->
    [one] Une réponse publique
   *[other] { $count } réponses publiques
}
mail-news-hidden = Les modérateurs ont masqué votre contribution
mail-news-restored = Les modérateurs ont rétabli votre contribution
mail-news-project-status = { $count ->
    [one] Le projet a avancé
   *[other] Le projet a avancé { $count } fois
}
mail-news-project-update = { $count ->
    [one] Une nouvelle du projet
   *[other] { $count } nouvelles du projet
}
profile-change-email = Changer votre adresse e-mail
profile-change-email-hint = Nous enverrons un lien à la nouvelle adresse ; le changement prend effet quand vous le suivez. Votre adresse actuelle en est informée.
profile-change-email-submit = Envoyer le lien de confirmation
profile-email-change-sent = Nous avons envoyé un lien à votre nouvelle adresse. Votre adresse change quand vous le suivez.
profile-email-changed = Votre nouvelle adresse e-mail est confirmée : c’est désormais avec elle que vous vous connectez.
field-label-new-email = Nouvelle adresse e-mail
confirm-change-title = Confirmez votre nouvelle adresse e-mail
confirm-change-lead = Un clic et cette adresse devient celle de votre compte Agora.
confirm-change-submit = Utiliser cette adresse
mail-change-subject = Confirmez votre nouvelle adresse e-mail pour Agora
mail-change-body = Vous avez demandé à utiliser cette adresse pour votre compte Agora. Elle remplace l’ancienne dès que vous la confirmez.
mail-change-action = Utiliser cette adresse
mail-change-expiry = Le lien fonctionne une fois, pendant 24 heures.
mail-change-notice-subject = L’adresse de votre compte Agora va changer
mail-change-notice-body = Quelqu’un connecté à votre compte Agora a demandé de le rattacher à une autre adresse e-mail. Nous y avons envoyé un lien de confirmation ; rien ne change tant qu’il n’est pas suivi.
mail-change-notice-action = Ouvrir votre profil
mail-change-notice-after = Si ce n’était pas vous, changez maintenant votre mot de passe : cela déconnecte tous les autres.
