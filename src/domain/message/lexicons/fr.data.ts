import type { Lexicon, LexiconWords } from './types.js';

/** French intent cues per category, in the pattern language of `../intent-patterns.ts`. */
export const FR: Lexicon = {
  not_received: `
    3 !recu|recue|recus|recues; 2.5 !recev*|recoi*; 3 !arriv*; 3 !livr*; 2.5 ou .. est|en .. colis|commande|paquet|article|achat
    2 ou .. colis|commande|paquet|article|achat; 2.5 perdu|perdue|perdus|egare|egaree; 2.5 toujours .. attente|rien
    2.5 attends|attend|attendu .. depuis|toujours|encore; 1.5 attente; 3 toujours rien; 2 toujours pas; 2.5 pas de colis|commande|paquet|livraison; 2.5 aucune nouvelle|nouvelles|news; 2.5 pas de nouvelle|nouvelles
    1.5 depuis .. jours|semaines|mois; 1.5 plus d .. mois|semaine|semaines; 1.5 fait .. jours|semaines|mois; 1 il y a .. semaines|mois; 2 retard; 2 bloque|bloquee|coince|coincee
    2.5 marque|indique|affiche|dit .. livre|livree|distribue; 1.5 !bouge|change|actualise|avance; 1.5 quand .. arriv*|recev*|recoi*
    1 toujours|encore; 2 !venu; 1 renvoyer|reexpedier
    2 aucune trace; 1.5 depasse|depassee; 1 retourne a l expediteur; 1.5 pas encore; 3 suivi|numero|lien .. ne fonctionne|marche
    2 si|trop|tellement long|longtemps
    1 transit; 2 jamais recu|arrive
    2.5 sans nouvelle|nouvelles|news; -3 recu|recus|recue|eu que
    3 renvoye|retourne|renvoyee|retournee .. expediteur; -3 arrive|arrives|arrivons|arrivez|arrivent pas a`,
  damaged: `
    3 ^casse|cassee|casses|cassees|brise|brisee|fele|felee|fissure*; 3 ^endommag*; 3 ^abim*; 3 !fonctionne|fonctionnent|marche|marchent
    2.5 ^defectueu*; 2 ^defaut; 2.5 !allume; 2 !charge; 2 ^raye|rayee|rayure*; 2.5 ^dechir*; 2 ^ecrase*|cabosse*|tordu*
    1.5 ^tache|tachee; 2.5 en morceaux; 3 arrete|cesse .. fonctionner|marcher|charger; 2 hs; 2.5 en panne|panne; 2 mauvais etat
    2 ecran noir; 2 chauffe|surchauffe; 2 bug|bugue; 2.5 en miettes; 2.5 ^ebrech*; -3 suivi|numero|lien .. ne fonctionne|marche
    2 rouill*|moisi*; 2 ^troue|trouee|trou|trous; 2 fuit|fuite; 1.5 !ferme|fermer; 2.5 dysfonctionn*; 2.5 hors service
    3 ^fendu|fendue|fele|felee
    2.5 morceaux|miettes|eclats
    2.5 allume|allument|marche|fonctionne .. moitie`,
  not_as_described: `
    3 !conforme; 3 !ressembl*; 3 !comme .. photo|photos|image|images|description|annonce; 3 !correspond*
    2.5 ^faux|fausse|contrefa*|copie|imitation; 2.5 !original|authentique; 2.5 plus petit|petite|petits|petites|grand|court|courte|fin|fine|mince
    3 rien a voir; 2.5 qualite .. mauvaise|mediocre|nulle|horrible|pourrie|bas|basse; 2.5 mauvaise|mediocre|piètre|sale .. qualite
    1 photo|photos|image|images; 1.5 description|annonce|decrit; 2.5 trompeu*|mensong*; 1 arnaque; 1 decu|decue; 1 different|differente
    2 !identique .. photo|image|description|annonce; 1.2 trop petit|petite|grand|grande|serre|court
    2.5 !vrai|veritable; 1.5 comme indique|annonce|decrit|prevu; 3 different|differente .. photo*|image*|annonce|description
    3 !celle|celui|pareil|pareille|meme .. photo|photos|image|annonce
    2 ^usage|usagee|occasion; 1.5 decevant|decevante; 1.5 taille .. petit|grand
    3 different|differente .. celle|celui .. site|photo|annonce|fiche; 1 site|fiche; 2 pas terrible; 1.5 on dirait; 1 qualite
    2.5 !cuir|coton|or|argent|metal|bois|verre|acier|laine|soie
    2.5 marque|ecrit|indique|annonce|affiche|description .. cuir|coton|metal|argent|or|bois|acier|inox|etanche|original|originale|soie|verre|go|gb|mah; 2.5 mais|en fait .. plastique|synthetique|faux|fausse|polyester|copie|simili|carton
    2.5 plus petit*|plus grand*|plus court*|plus long* .. que .. guide|tableau|photo|photos|annonce|description
    2.5 cense|censee|normalement .. etre|c est; 2 devrait .. etre .. mais`,
  wrong_item: `
    3 mauvais|mauvaise article|produit|couleur|taille|modele|colis|objet|pointure|reference|commande
    2.5 !bon|bonne|bons|bonnes; 2.5 au lieu de|du|des; 2.5 a la place; 2 erreur; 3 pas ce que .. commande|achete|choisi
    2 manque|manquant|manquante|manquants|manquantes|manquait; 2 vide; 2.5 autre .. couleur|modele|article|taille|produit
    2 ai commande|commandee|choisi|achete|pris ... ^recu|envoye|eu|arrive|livre|recois; 1 different|differente; 2 trompe|trompes|inverse|inverses; 2.5 pas commande|commandee|commandes|commandé; 2.5 different|differente|differents .. celui|celle|ce .. commande|commandee|choisi
    3 trompe|trompes|trompee|trompez|trompees de
    2.5 incomplet|incomplete; 2.5 reste de|du ma|mon|la|le commande|colis|envoi
    3 recu|recus|recue|eu que; 2 # sur #; 2.5 pas le|la|les .. que .. choisi|commande|commandee|achete; 2 ^recu|envoye ... ai commande|choisi|achete
    3 est pas ma|mon .. commande|colis|article|paquet; 2.5 pas a moi; 2.5 quelqu un d autre; 2.5 quelqu un dautre
    2.5 arrive|arrivee|livre|livree|venu|venue|recu|recue .. sans; 2.5 pas .. fourni|fournie|inclus|incluse|dans la boite`,
  refund_request: `
    3 rembours*; 3.5 rendre|rendez|recuperer|retourner|renvoyer|rend .. argent; 1.5 argent; 1 veux|voudrais|exige|souhaite .. rembours*
    2 dedommag*|compens*; -3 veux|voudrais .. pas .. rembours*|argent`,
  return_exchange: `
    2.5 retour|retourner|retourne|renvoyer|renvoi|renvoie; 3 echang*; 3 changer .. taille|couleur|article|produit|modele|pointure
    2.5 remplac*; 1.2 trop petit|petite|grand|grande|serre|serree|court; 2 taille .. dessus|dessous|superieure|inferieure
    -2.5 retour* .. argent; 2 !va .. pas; 1 renvoyer
    -2.5 renvoye|retourne|renvoyee|retournee .. expediteur
    2.5 envoyez|renvoyez|envoyer|renvoyer|expediez|remplacez .. autre|nouveau|nouvelle|neuf|remplacement`,
  customs_tax: `
    3 douane|douanes|douanier*; 3 tva; 2.5 taxe|taxes|taxer; 2.5 droits|droit .. douane; 2 frais .. douane|importation|supplementaire|supplementaires|dedouanement
    3 dedouan*; 2 payer .. frais|taxe|taxes|douane|tva; 1 octroi`,
  payment: `
    3 paiement|carte|transaction .. refus*|echou*|echec|bloqu*|rejet*|erreur|probleme; 2 paiement .. passe|passer
    3 debit*|prelev*|factur*|paye|payee .. fois|double; 3 double .. prelevement|debit|paiement; 2.5 !payer
    1 carte; 1 paypal; 1.5 paiement; 1.5 paye|payee .. mais; 1.5 code promo; 1.5 coupon|reduction
    2.5 impossible de payer|regler
    2 payer avec|par|en
    3 debit|prelevement|paiement|transaction|montant .. attente; 2.5 debit*|preleve*|facture* .. annule|annulee
    2.5 facturation; 2.5 code .. verification|securite|sms; 2.5 au paiement|en payant
    2.5 code|coupon|bon|remise|reduction|promo ... valable|valide|expire|accepte|applique|deduit|deduite
    2.5 promo|promotionnel|reduction|remise ... fonctionne|marche|passe; 2.5 passe|marche|fonctionne|applique ... reduction|remise|promo|coupon
    2 beneficier .. bon|code|remise|reduction|promo; 2.5 probleme|souci .. regler|reglement|payer`,
  shipping_inquiry: `
    2.5 combien .. temps|jours|delai|semaines; 1 livraison|expedition|envoi; 3 delai|delais .. livraison|envoi|expedition
    2.5 livrez|expediez|envoyez .. en|au|aux|vers; 2.5 frais .. port|livraison|envoi; 2.5 livraison gratuite|offerte
    2.5 quand .. expedi*|envoy*|partir|part; 2.5 mode|methode|transporteur|type .. livraison|envoi; 1.5 numero de suivi
    1 colissimo|chronopost|dhl|relay|cainiao; 2 deja .. expedie|envoye|parti; 2.5 envoyer|donner|communiquer .. suivi|numero
    1.5 quand .. arriv*|recev*|recoi*
    2.5 expediez|envoyez|livrez .. quand; 2 expediez|livrez; 2 transporteur; 2.5 combien de jours
    2 delai|delais
    2.5 grouper|regrouper|combiner|rassembler .. envoi*|colis|commande*|livraison|frais; 2 envoy*|expedi* .. ensemble
    2.5 options|modes|moyens .. livraison|envoi
    2.5 sms|texto|mail|email|notification|avis ... retirer|recuperer|receptionner|disponible`,
  product_question: `
    2.5 compatible|compatibles; 2.5 quelle|quel|quelles|quels .. taille|pointure|matiere|couleur|dimension|dimensions|longueur|modele|capacite
    2.5 guide|tableau .. tailles|taille; 1 est ce que; 2.5 convient|convenir; 2.5 ^fonctionne|marche .. avec|sur
    2.5 en stock; 2.5 disponible|disponibles|dispo; 2 ^etanche|impermeable|cuir|coton|reglable|rechargeable; 1.5 ^original|authentique
    2 fourni|fournie|inclus|incluse; 2 livre avec; 2.5 combien .. mesure|pese|mah|cm; 2.5 comment .. utiliser|installer|brancher|connecter|regler|marche
    1.5 garantie; 2.5 je mesure|chausse; 2 je fais .. cm|kg|taille; 0.5 quelle|quel
    2 conseillez|recommandez|conseiller
    1.5 existe .. en; 1.5 bluetooth|wifi|mah
    2.5 comment .. connect*|install*|utilis*|branch*|regl*|configur*|appair*|monter|charger|allumer|laver; 2 fourni|fournie|fournis|fournies|inclus|incluse|incluses; 2 a part|separement
    2.5 quelle|quel|combien .. puissance|watts|tension|voltage|resolution|luminosite|vitesse|capacite
    2.5 affiche|supporte|lit|enregistre|filme
    2 avez vous .. encore|toujours; 2 vous avez encore; 2 cherche .. ancien|ancienne; 2 idee|conseil|conseils .. cadeau; 2 cadeau .. idee
    2.5 quel pays; 2 viennent|vient|provient|proviennent|fabrique|fabriques|fabriquee|fabriquees .. ou|pays; 2 meme prix|tarif`,
  cancel_order: `
    3.5 ^annuler|annulez|annulation|annule|annulee|annulez-la; 1 annulees
    2.5 commande|achete|commandee .. par erreur; 2 change d avis; 2.5 !veux|besoin .. commande|article|plus
    2.5 ne .. pas .. envoyer|expedier; 2.5 arreter|stopper|bloquer .. commande|envoi|expedition
    -2.5 annul* .. abonnement|newsletter|compte|mails`,
  order_change: `
    3 changer|modifier|corriger|mettre a jour .. adresse|code postal; 3 adresse .. erron*|mauvaise|fausse|incorrect*|ancienne|nouvelle|plus la meme
    2.5 demenage|demenagement|demenager|habite plus; 2.5 nouvelle adresse; 2 envoyer|livrer .. a .. autre|nouvelle
    2.5 changer|modifier .. taille|couleur|modele|variante|quantite|commande; 1.5 avant .. envoi|expedition|expedier|envoyer|partir
    2.5 ajouter|retirer|enlever .. commande; 2 un de plus|moins`,
  other: `
    2.5 facture
    1 merci; 1 parfait|super|genial|top|content|contente|ravi|ravie; 1.2 bien recu|arrive; 2 grossiste; 2 en gros; 1 repond*|reponse
    3 il|y .. a quelqu; 3 ya quelqu; 2.5 vous etes la|ici
    3 changer|modifier|corriger|mettre .. telephone|portable|nom|mail|email|coordonnees|contact; 1 bonjour|bonsoir|salut|coucou`,
};

/** French words the patterns share: spelled-out counts, negations, colours and "I ordered" verbs. */
export const FR_WORDS: LexiconWords = {
  numbers: 'une deux trois quatre cinq six sept huit neuf dix plusieurs quelques',
  negators: 'pas ne n jamais rien aucun aucune sans personne nai nest',
  colours: 'rouge* bleu* vert* noir* blanc* jaune* rose* violet* gris* marron orange* dore* argent* beige',
  orderedVerbs: 'commande commandee commandes choisi achete voulais',
};
