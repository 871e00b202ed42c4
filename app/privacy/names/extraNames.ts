/**
 * German and French first names, surnames and places that compromise's (English) lexicon lacks.
 * Lowercase and folded (no diacritics, ß → ss), like the text the names step sees.
 */
const split = (s: string) => s.split(/\s+/).filter(Boolean);

export const EXTRA_FIRST_NAMES = split(`
  jurgen jorg juergen uwe dieter horst klaus gunter guenter helmut manfred wolfgang werner gerhard
  rainer heinz hans-peter karl-heinz bernd ralf ulrich matthias torsten thorsten sven jens lars
  dirk frank stefan steffen tobias florian sebastian fabian maximilian lukas leon finn jonas niklas
  moritz felix elias paul ben noah emil anton theo henrik jannik malte hendrik timo kai jan
  ursula ute gisela brigitte renate monika sabine petra birgit heike anke silke kerstin katrin
  susanne claudia andrea nicole stefanie steffi anja tanja sandra melanie jana julia lena laura
  lea leonie lina mia emilia hannah sophie marie johanna charlotte greta frieda ida mathilda clara
  annika jule maren wiebke inga imke frauke gesine dorothea hildegard gertrud elfriede liesel
  jean-pierre jean-luc jean-marc jean-claude jean-paul pierre-yves francois-xavier thierry didier
  olivier laurent stephane sebastien guillaume mathieu matthieu nicolas julien romain antoine
  benoit cedric jerome jeremy loic yannick herve gilles pascal philippe christophe frederic
  aurelien clement theo hugo louis gabriel arthur jules raphael lucas enzo mathis nathan
  isabelle nathalie sylvie veronique valerie sandrine celine aurelie emilie camille manon chloe
  ines lea louise jade alice lina rose anais oceane mathilde margaux clemence pauline elodie
  helene genevieve josephine brigitte dominique francoise monique martine danielle solene
  ina ines tina nina mona vera eva ute uta eike ole nils jonte lasse malin merle pia svea tjark hauke
  fatima mohamed mohammed ahmed youssef karim nadia samira amina leila rachid mehmet ayse
`);

export const EXTRA_LAST_NAMES = split(`
  muller mueller schmidt schneider fischer weber meyer meier wagner becker schulz hoffmann schafer
  schaefer koch bauer richter klein wolf schroder schroeder neumann schwarz zimmermann braun kruger
  krueger hofmann hartmann lange schmitt werner schmitz krause meier lehmann schmid schulze maier
  kohler koehler herrmann konig koenig walter mayer huber kaiser fuchs peters lang scholz moller
  moeller weiss jung hahn schubert vogel friedrich keller gunther frank berger winkler roth beck
  lorenz baumann franke albrecht schuster simon ludwig bohm boehm winter kraus martin schumacher
  vogt stein jager jaeger otto sommer gross seidel heinrich brandt haas schreiber graf dietrich
  ziegler kuhn kuehn pohl engel horn busch bergmann thomas voigt sauer arnold wolff pfeiffer
  dubois durand lefebvre leroy moreau simon laurent lefevre michel garcia david bertrand roux
  vincent fournier morel girard andre mercier dupont lambert bonnet francois martinez legrand
  garnier faure rousseau blanc guerin muller henry roussel nicolas perrin morin mathieu clement
  gauthier dumont lopez fontaine chevalier robin masson sanchez gerard nguyen boyer denis lemaire
  duval joly gautier roger roche roy noel meyer lucas meunier jean perez marchand dufour blanchard
  marie barbier brun dumas brunet schmitt leroux colin fernandez renaud arnaud giraud
`);

export const EXTRA_PLACES = split(`
  munchen koln dusseldorf frankfurt stuttgart leipzig dresden hannover nurnberg bremen essen
  dortmund bonn mannheim karlsruhe freiburg heidelberg augsburg wiesbaden mainz kiel lubeck
  rostock potsdam erfurt jena regensburg wurzburg ulm bielefeld munster aachen braunschweig
  osnabruck kassel saarbrucken trier konstanz gottingen wien graz linz salzburg innsbruck zurich
  bern basel genf lausanne luzern lyon marseille toulouse nice nantes strasbourg montpellier
  bordeaux lille rennes reims grenoble dijon angers nimes toulon brest tours limoges amiens
  perpignan metz besancon orleans rouen caen nancy avignon poitiers versailles bruxelles
  europe asia africa america antarctica oceania europa asien afrika amerika asie afrique amerique
  deutschland frankreich osterreich schweiz bayern sachsen hessen brandenburg thuringen
`);
