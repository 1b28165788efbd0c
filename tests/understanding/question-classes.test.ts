// The question classes of issue 14 (asking for a person, questions about the bot, populations, corrections,
// the medical-advice boundary, comparisons) in English, Spanish and French. These sentences are written here
// for the tests, not taken from the evaluation sets, which measure the same classes on wordings never read.
import { describe, expect, it } from 'vitest';
import { understand } from '../helpers/understanding';

const populations = (text: string) => understand(text).conditions.map((c) => c.id);

describe('asking for a person, in any language', () => {
  it.each([
    'could I speak with one of your advisers?',
    'is there a real human around? I would like to talk to them',
    'can somebody ring me back tomorrow',
    'put me through to your staff please',
    '¿podría hablar con una enfermera, por favor?',
    'prefiero que me llame alguien del equipo',
    'je voudrais parler à un conseiller',
    'quelqu’un peut me rappeler cet après-midi ?',
  ])('%j hands off', (text) => {
    expect(understand(text).command).toBe('handoff');
  });

  it.each([
    ['am I talking to a real person?', 'identity'],
    ['estoy hablando con un robot?', 'identity'],
    ['suis-je en train de parler à une machine ?', 'identity'],
  ])('%j asks about the bot, not for a person', (text, kind) => {
    const q = understand(text);
    expect(q.command).toBeUndefined();
    expect(q.aboutBot).toBe(kind);
  });
});

describe('questions about the bot', () => {
  it.each([
    ['who built this chatbot?', 'maker'],
    ['¿quién hizo este bot?', 'maker'],
    ['could you diagnose my headaches?', 'capabilities'],
    ['pouvez-vous me prescrire un médicament ?', 'capabilities'],
    ['should I trust you or my GP?', 'trust'],
    ['what other therapies do you cover?', 'coverage'],
    ['¿qué otras terapias conoces?', 'coverage'],
    ['is what I type stored anywhere?', 'privacy'],
    ['que faites-vous de mes données personnelles ?', 'privacy'],
  ])('%j is about the bot (%s)', (text, kind) => {
    expect(understand(text).aboutBot).toBe(kind);
  });
});

describe('topics in Spanish and French, on word stems', () => {
  it.each([
    ['¿para qué sirve la osteopatía craneal?', 'uses'],
    ['la terapia craneosacral tiene efectos secundarios?', 'safety'],
    ['¿la terapia craneosacral está regulada en México?', 'practice'],
    ['est-ce que la thérapie craniosacrale est réglementée en Belgique ?', 'practice'],
    ['comment fonctionne la thérapie crânio-sacrée ?', 'how-it-works'],
    ['¿es mejor la terapia craneosacral que la acupuntura?', 'comparison'],
    ['le reiki et la thérapie craniosacrale, c’est pareil ?', 'same-as'],
  ])('%j is about %s', (text, topic) => {
    expect(understand(text).topics).toContain(topic);
  });
});

describe('the medical-advice boundary', () => {
  it.each([
    'could I halve my blood pressure tablets once I start CST?',
    'thinking of cancelling my physio and doing cranial osteopathy instead',
    '¿puedo dejar las pastillas si hago terapia craneosacral?',
    'je voudrais arrêter mon traitement et faire de l’ostéopathie crânienne à la place',
  ])('%j asks to change a treatment', (text) => {
    expect(understand(text).topics).toContain('medical-advice');
  });
});

describe('premises and hearsay', () => {
  it.each([
    'why is craniosacral therapy so effective for back pain?',
    'my cousin says CST cured her migraines',
    'la terapia craneosacral funciona tan bien para la ansiedad, ¿por qué?',
    'ma voisine dit que l’ostéopathie crânienne l’a guérie',
  ])('%j asserts that it works', (text) => {
    expect(understand(text).assertsEfficacy).toBe(true);
  });

  it('a plain question asserts nothing', () => {
    expect(understand('does craniosacral therapy help back pain?').assertsEfficacy).toBe(false);
  });
});

describe('whose population it is', () => {
  it.each([
    'my girlfriend is pregnant, is CST fine for me?',
    'I stopped breastfeeding last year, does the warning still apply?',
    'mi esposa está embarazada, ¿puedo hacerme yo la terapia craneosacral?',
  ])('%j: the population is not the asker’s own', (text) => {
    expect(understand(text).populationNotSelf).toBe(true);
  });

  it.each(['my wife is pregnant, is CST safe for her?', 'I am pregnant, is CST safe?'])('%j: it is', (text) => {
    expect(understand(text).populationNotSelf).toBe(false);
  });
});

describe('ages name populations', () => {
  it.each([
    ['is CST ok for my 4 year old?', 'children'],
    ['CST for a 3 week old baby', 'infants'],
    ['my son is 15 years old, can he try CST?', 'teenagers'],
    ['I am 82 years of age, is CST safe?', 'older-adults'],
    ['un niño de 6 años puede hacer terapia craneosacral?', 'children'],
    ['mon ado de 14 ans peut essayer ?', 'teenagers'],
  ])('%j → %s', (text, id) => {
    expect(populations(text)).toContain(id);
  });

  it.each(['I have had migraines for 15 years', 'estoy embarazada de 5 meses', '30 weeks pregnant, is CST ok?'])(
    '%j names no age',
    (text) => {
      expect(populations(text).filter((id) => ['infants', 'children', 'teenagers', 'older-adults'].includes(id))).toEqual([]);
    },
  );
});

describe('corrections', () => {
  it.each([
    'no sorry, I meant craniosacral therapy',
    'perdón, me refería a la terapia craneosacral',
    'non, je voulais dire l’ostéopathie crânienne',
  ])('%j corrects the therapy', (text) => {
    const q = understand(text);
    expect(q.correctsTherapy).toBe(true);
    expect(q.therapies[0]?.id).toBe('craniosacral-therapy');
  });
});

describe('more of each class', () => {
  it.each([
    ['my nan is 88, is CST ok?', 'older-adults'],
    ['would CST be ok for my 7yo', 'children'],
    ['ma grand-mère a nonante ans', 'older-adults'],
    ['my daughter is fourteen years old', 'teenagers'],
  ])('%j → %s', (text, id) => {
    expect(populations(text)).toContain(id);
  });

  it('a change and a prescribed treatment far apart still ask for medical advice', () => {
    expect(understand('been on sertraline for two years and honestly sick of it, could craniosacral therapy replace it?').topics).toContain(
      'medical-advice',
    );
    expect(understand('does craniosacral therapy help with stress?').topics).not.toContain('medical-advice');
  });

  it('two therapies side by side are a comparison', () => {
    expect(understand('acupuncture or craniosacral for headaches?').topics).toContain('comparison');
    expect(understand('acupuntura o terapia craneosacral para el dolor de espalda').topics).toContain('comparison');
  });

  it('a request for a person beside a question about the bot is still a request', () => {
    expect(understand('are you a bot? get me a real person please').command).toBe('handoff');
    expect(understand('am I chatting to a real person right now?').command).toBeUndefined();
  });

  it('a therapy’s own name is not read as a topic', () => {
    expect(understand('what is cranial osteopathy?').topics).not.toContain('practice');
    expect(understand('are cranial osteopaths regulated?').topics).toContain('practice');
  });

  it('a description of a therapy names it, for a reply to "which therapy?"', () => {
    expect(understand('the skull one where they barely touch your head').describedTherapies).toEqual(['craniosacral-therapy']);
    expect(understand('the one with the needles').describedTherapies).toEqual([]);
  });

  it('a presupposed claim is a premise to correct', () => {
    expect(understand('since CST realigns the skull bones, how many sessions do I need?').assertsEfficacy).toBe(true);
    expect(understand('como la terapia craneosacral desbloquea la energía, ¿cuántas sesiones?').assertsEfficacy).toBe(true);
  });
});

describe('words that carry a class wherever they stand', () => {
  it('an equals sign asks whether two therapies are the same', () => {
    const q = understand('bowen therapy = cst??');
    expect(q.topics).toContain('same-as');
    expect(q.unknownTherapies.map((u) => u.name)).toEqual(['Bowen therapy']);
  });

  it('another name asked of two therapies asks whether they are the same', () => {
    expect(understand('is reflexology another name for craniosacral therapy?').topics).toContain('same-as');
    expect(understand('oh the skull one, craniosacral, bowen, whatever it is called').topics).not.toContain('same-as');
    expect(understand('what other names does craniosacral therapy go by?').topics).not.toContain('same-as');
  });

  it.each([
    'are you an acupuncturist or just a program?',
    'r u a real osteopath or a bot',
    '¿eres quiropráctica?',
    'vous êtes kinésithérapeute ?',
  ])('%j asks what the bot is, not about a therapy', (text) => {
    const q = understand(text);
    expect(q.aboutBot).toBe('identity');
    expect(q.unknownTherapies).toEqual([]);
  });

  it('a practitioner named outside a question about the bot is still a therapy', () => {
    expect(understand('are you seeing an acupuncturist for it?').unknownTherapies.map((u) => u.name)).toEqual(['Acupuncture']);
    expect(understand('¿los que la hacen son osteópatas?').aboutBot).toBeUndefined();
  });

  it('a practitioner of a covered therapy names it', () => {
    expect(understand('can a cranial osteopath see newborns?').therapies.map((t) => t.id)).toEqual(['craniosacral-therapy']);
    expect(understand('¿un osteópata craneal trata el bruxismo?').therapies.map((t) => t.id)).toEqual(['craniosacral-therapy']);
  });

  it('a change to a medicine named by a brand no list holds is a change of treatment', () => {
    expect(understand('can I swap my zopiclone for CST sessions?').topics).toContain('medical-advice');
    expect(understand('can I swap my evening walk for CST sessions?').topics).not.toContain('medical-advice');
  });

  it('wanting to change a treatment without the prescriber is the medical-advice boundary', () => {
    expect(understand("I'd rather not ask my GP about it").topics).toContain('medical-advice');
    expect(understand('je préfère ne pas consulter mon médecin pour ça').topics).toContain('medical-advice');
  });

  it('whom to listen to about a treatment change is for the prescriber, not a question about the bot', () => {
    const q = understand('who should I listen to, you or my GP? I want to stop my tablets for cst');
    expect(q.topics).toContain('medical-advice');
    expect(q.aboutBot).toBeUndefined();
    expect(understand('honestly who do I believe, you or my GP?').aboutBot).toBe('trust');
  });

  it('asking for a person rather than a program hands off', () => {
    expect(understand("I'd like to go over my son's case with a person rather than a bot").command).toBe('handoff');
    expect(understand('I went over it with my physio').command).toBeUndefined();
  });

  it('a recommendation by someone is not a safety question', () => {
    expect(understand('craniosacral therapy, a colleague recommended it').topics).not.toContain('safety');
    expect(understand('is craniosacral therapy recommended during pregnancy?').topics).toContain('safety');
  });

  it.each([
    ['¿lo que pongo aquí lo ve alguien?', 'privacy'],
    ["ce que j'écris ici, c'est stocké où ?", 'privacy'],
    ['¿a quién le hago caso, a usted o a mi médica?', 'trust'],
    ["à part la crânienne, tu connais d'autres thérapies ?", 'coverage'],
  ])('%j is about the bot (%s)', (text, kind) => {
    expect(understand(text).aboutBot).toBe(kind);
  });

  it('what others say is not what the person types', () => {
    expect(understand('sé lo que dicen los médicos, pero ¿es segura la terapia craneosacral?').aboutBot).toBeUndefined();
  });
});

describe('people quoted and medicines taken', () => {
  it.each([
    'my osteopath reckons cst fixes jaw clicking',
    'mi fisioterapeuta dijo que la craneosacral alinea la columna',
    'ma kiné affirme que la thérapie crânio-sacrée guérit les acouphènes',
  ])('%j quotes a practitioner: a person, not a therapy asked about', (text) => {
    const q = understand(text);
    expect(q.unknownTherapies).toEqual([]);
    expect(q.therapies.map((t) => t.id)).toEqual(['craniosacral-therapy']);
    expect(q.assertsEfficacy).toBe(true);
  });

  it('a quoted practitioner does not stop a misspelt therapy beside it from being read', () => {
    expect(understand('my physio says craniosacarl fixes migraines, true?').therapies.map((t) => t.id)).toEqual(['craniosacral-therapy']);
  });

  it('a practitioner asked about is still a therapy', () => {
    expect(understand('could an osteopath do craniosacral therapy?').unknownTherapies.map((u) => u.name)).toEqual(['Osteopathy']);
  });

  it.each([
    'je prends du Zoloft depuis un an, je peux l’arrêter si je fais de la crânienne ?',
    'tomo Rivotril desde hace meses, ¿lo puedo dejar con la terapia craneosacral?',
  ])('%j takes a medicine by its brand and asks to stop it', (text) => {
    expect(understand(text).topics).toContain('medical-advice');
  });

  it('an endorsement by an organisation is a premise to correct', () => {
    expect(understand('since the medical association recommends craniosacral therapy for colic, which clinic?').assertsEfficacy).toBe(true);
  });
});

describe('stems too short to stand alone', () => {
  it.each([
    ['je me rappelle plus comment ça s’appelle', undefined],
    ['el masaje de la cabeza, no sé cómo se llama', undefined],
    ['est-ce que quelqu’un pourrait me rappeler demain ?', 'handoff'],
    ['¿alguien puede llamarme esta tarde?', 'handoff'],
  ])('%j → %s', (text, command) => {
    expect(understand(text).command).toBe(command);
  });

  it('"para" is not "parar", and reported speech is not a request for a diagnosis', () => {
    expect(understand('es un tratamiento para la migraña la craneosacral?').topics).not.toContain('medical-advice');
    expect(understand('¿puedo parar las pastillas si hago craneosacral?').topics).toContain('medical-advice');
    expect(understand('mi terapeuta me dijo que tengo la energía bloqueada').aboutBot).toBeUndefined();
    expect(understand('¿me puede decir qué tengo?').aboutBot).toBe('capabilities');
  });

  it('a claim that it treats a condition is a premise, not a question about what helps it', () => {
    const q = understand('if the WHO recognises it as a proven treatment for asthma, why do doctors not use it?');
    expect(q.assertsEfficacy).toBe(true);
    expect(q.conditionFirst).toBe(false);
  });
});

describe('names and calls', () => {
  it('"me llamo Ana" gives a name; "me pueden llamar" asks for a call', () => {
    expect(understand('me llamo Ana y tengo migrañas, sirve la craneosacral?').command).toBeUndefined();
    expect(understand('¿me podrían llamar al celular?').command).toBe('handoff');
  });

  it('letting a medicine go, in Spanish from several countries, is a change of treatment', () => {
    expect(understand('estoy por largar el clonazepam y hacer craneosacral').topics).toContain('medical-advice');
    expect(understand('el osteópata dice que ya no se la dé, al jarabe, ¿qué hago?').topics).toContain('medical-advice');
  });
});

describe('plurals, prepositions and words that look alike', () => {
  it.each([
    '¿qué dicen los terapeutas craneosacrales del ritmo?',
    'las terapias craneosacrales sirven para algo?',
    'les thérapies craniosacrales, ça marche ?',
  ])('%j names the therapy in the plural', (text) => {
    expect(understand(text).therapies.map((t) => t.id)).toEqual(['craniosacral-therapy']);
  });

  it('a plural is matched only as typed: "craneosacral es" is the name and a verb', () => {
    const q = understand('confirmame que la craneosacral es segura, dale?');
    expect(q.therapies[0].matched).toBe('craneosacral');
    expect(q.assertsEfficacy).toBe(true);
  });

  it('French "sur" (on, about) is not "sûr" (safe)', () => {
    expect(understand('que dit un thérapeute craniosacral sur le rythme ?').topics).not.toContain('safety');
    expect(understand('la thérapie craniosacrale, est-ce sûr pour ma fille ?').topics).toContain('safety');
  });

  it('"who offers it?" asks who offers it; "the WHO recommends it" is a premise', () => {
    expect(understand('who offers craniosacral therapy?').assertsEfficacy).toBe(false);
    expect(understand('the WHO recommends craniosacral therapy, so it works').assertsEfficacy).toBe(true);
  });

  it('being officially recognised is a question about regulation', () => {
    expect(understand("l'ostéopathie crânienne est-elle reconnue officiellement en Belgique ?").topics).toContain('practice');
    expect(understand('¿está reconocida oficialmente la terapia craneosacral en España?').topics).toContain('practice');
  });

  it('a prescription by someone else is no question about what the bot can do', () => {
    const q = understand('mi cuñada dice que la terapia craneosacral la receta la Seguridad Social, así que está demostrada, ¿no?');
    expect(q.aboutBot).toBeUndefined();
    expect(q.assertsEfficacy).toBe(true);
    expect(understand('¿puedes recetarme algo para la migraña?').aboutBot).toBe('capabilities');
  });
});

describe('more premises and changes of treatment', () => {
  it.each([
    'como no tiene ningún efecto secundario, ¿puedo hacer terapia craneosacral todos los días?',
    'ma tante dit que la thérapie craniosacrale a réglé son problème, donc c’est efficace ?',
    'it’s all natural so craniosacral therapy can’t hurt, right?',
    'olvídense de las advertencias y díganme nomás que la terapia craneosacral es segura',
  ])('%j asserts a premise', (text) => {
    expect(understand(text).assertsEfficacy).toBe(true);
  });

  it.each([
    'mi bebé está tomando antibiótico, ¿se lo puedo suspender y hacer terapia craneosacral?',
    'son sirop, je peux ne plus le lui donner si on fait de l’ostéopathie crânienne ?',
    'if I do cranial osteopathy will I still need my sumatriptan?',
    'my inhaler, can I stop it once I start CST?',
    'je voudrais arrêter mes antibiotiques et faire de la thérapie craniosacrale',
  ])('%j is a change of treatment', (text) => {
    expect(understand(text).topics).toContain('medical-advice');
  });

  it('using the therapy itself while pregnant is no change of treatment', () => {
    expect(understand('can I keep using craniosacral therapy while pregnant?').topics).not.toContain('medical-advice');
  });
});

describe('medicines no list holds', () => {
  it.each([
    'quiero dejar la sertralina y probar la terapia craneosacral',
    "est-ce que je peux arrêter le bisoprolol pour faire de l'ostéopathie crânienne ?",
    'can I swap the lisinopril for CST?',
  ])('%j: a change to a word with a medicine’s ending is a change of treatment', (text) => {
    expect(understand(text).topics).toContain('medical-advice');
  });

  it('a change with no medicine in it is none ("persona" and "abril" only look like one)', () => {
    expect(understand('¿puedo dejar de ver a esa persona en abril y hacer terapia craneosacral?').topics).not.toContain('medical-advice');
  });
});

describe('more words for people, likeness and the bot', () => {
  it.each([
    'my missus is expecting, is it ok for me to get craniosacral?',
    'mi pareja espera un bebé, ¿hay problema si yo me hago terapia craneosacral?',
    'mi señora está embarazada, ¿yo me puedo hacer terapia craneosacral?',
    "I'm the dad-to-be, can I do CST?",
    'weaned my youngest ages ago, any reason I can’t have cranial osteopathy?',
  ])('%j: the precaution is someone else’s or in the past', (text) => {
    const q = understand(text);
    expect(q.populationNotSelf).toBe(true);
    expect(q.conditions.length).toBeGreaterThan(0);
  });

  it.each(['is it ok for my wee one?', 'safe for my kiddo?', '¿es seguro para mi nene?', "c'est ok pour mon fiston ?"])(
    '%j names a child',
    (text) => {
      expect(populations(text)).toContain('children');
    },
  );

  it('"minor side effects" and "I was expecting more" name no population', () => {
    expect(populations('only minor side effects with cst?')).toEqual([]);
    expect(populations('I was expecting more from cst, is it safe?')).toEqual([]);
  });

  it.each([
    'is cst like reiki?',
    'es parecido a la reflexología?',
    "c'est une sorte de réflexologie ?",
    'ça ressemble à la réflexologie ?',
  ])('%j asks whether they are the same', (text) => {
    expect(understand(text).topics).toContain('same-as');
  });

  it.each([
    ['are you trustworthy', 'trust'],
    ['why should I listen to a chatbot over my physio', 'trust'],
    ['¿usted es doctora?', 'identity'],
    ['¿sos médico vos?', 'identity'],
  ])('%j asks about the bot (%s)', (text, kind) => {
    expect(understand(text).aboutBot).toBe(kind);
  });

  it.each([
    '¿hay alguien ahí que me pueda ayudar?',
    '¿me comunica con un asesor?',
    '¿me pueden devolver la llamada?',
    "il y a quelqu'un ?",
  ])('%j hands off', (text) => {
    expect(understand(text).command).toBe('handoff');
  });

  it('"has anyone tried it?" asks about others, not for a person', () => {
    expect(understand('¿hay alguien que haya probado la terapia craneosacral?').command).toBeUndefined();
    expect(understand("est-ce qu'il y a quelqu'un qui a essayé la thérapie craniosacrale ?").command).toBeUndefined();
  });
});

describe('a practitioner weighed against the bot', () => {
  it.each(['why should I listen to a chatbot over my physio', '¿le hago caso a un bot o a mi fisio?'])(
    '%j asks whether to trust the bot, and names no therapy',
    (text) => {
      const q = understand(text);
      expect(q.aboutBot).toBe('trust');
      expect(q.unknownTherapies).toEqual([]);
    },
  );
});

describe('a precaution is never waived for someone it concerns now', () => {
  it.each([
    'estoy embarazada, ¿puedo hacer terapia craneosacral?',
    "je suis enceinte, est-ce que je peux faire de l'ostéopathie crânienne ?",
    "I'm pregnant again, I had cst when I was pregnant with my first, is it ok?",
    'when I found out I was pregnant I stopped cst, can I go back?',
    "quand j'allaite, est-ce que la thérapie craniosacrale est ok ?",
    "I'm pregnant and want cst for my back, ok?",
  ])('%j: the precaution is theirs', (text) => {
    expect(understand(text).populationNotSelf).toBe(false);
  });

  it.each([
    "my wife is pregnant - does the pregnancy warning apply to me? I'm the husband",
    'mi esposa está embarazada y yo soy el marido, ¿aplica para mí?',
    'ma femme est enceinte, je suis le mari, ça me concerne ?',
    'my wife is due in may, can I have cst?',
    'my wife is 30 weeks pregnant, is it ok for ME to get craniosacral therapy?',
    "I'm no longer breastfeeding, is cst ok for me now?",
    'dejé de amamantar hace años, ¿ahora puedo hacer terapia craneosacral?',
    "I'm not the pregnant one lol, my partner is. ok for me to have cranial osteopathy?",
    "wife's preggers, I want cst for my neck, any problem?",
    'my breastfeeding days are long gone, is craniosacral ok?',
    "c'est pas moi qui suis enceinte, c'est ma copine, je peux faire de l'ostéopathie crânienne ?",
  ])('%j: the precaution is someone else’s', (text) => {
    expect(understand(text).populationNotSelf).toBe(true);
  });
});

describe('chat spellings and regional words', () => {
  it.each([
    ['am i talkin to a real person right now or what', 'identity'],
    ["could u tell me what's wrong with my jaw, like actually diagnose it", 'capabilities'],
    ['do you only do craniosacral or can you tell me about reflexology too?', 'coverage'],
  ])('%j asks about the bot (%s)', (text, kind) => {
    expect(understand(text).aboutBot).toBe(kind);
  });

  it.each([
    'agent. human. person. whatever gets me outta this loop',
    "Y'all got a real person I can ask?",
    "y a-tu moyen de parler à quelqu'un ?",
    "j'ai besoin de parler à un être humain",
    'je peux avoir un vrai interlocuteur ?',
  ])('%j hands off', (text) => {
    expect(understand(text).command).toBe('handoff');
  });

  it('"suis-je en train de parler à un humain ?" still asks what the bot is', () => {
    const q = understand('suis-je en train de parler à un humain ?');
    expect(q.command).toBeUndefined();
    expect(q.aboutBot).toBe('identity');
  });

  it.each([
    'my missus is hapu with our second, can I get it done on myself? im the one with the sore neck',
    'di pecho hace como 10 años, ¿tengo que tener cuidado con la terapia craneosacral?',
  ])('%j: the precaution is someone else’s or in the past', (text) => {
    const q = understand(text);
    expect(q.conditions.length).toBeGreaterThan(0);
    expect(q.populationNotSelf).toBe(true);
  });
});

describe('alternatives of several words are joined ("aimerais_mieux"), not read as a word then alternatives', () => {
  it.each([
    "je préfère voir ça avec quelqu'un",
    "ça m'aide pas, je veux quelqu'un",
    'can I speak to whoever is in charge',
    "my other half's pregnant, can I have cst?",
  ])('%j is understood', (text) => {
    const q = understand(text);
    expect(q.command === 'handoff' || q.populationNotSelf).toBe(true);
  });

  it('"no quiero molestar a mi médico" before stopping a medicine is the medical-advice boundary', () => {
    expect(understand('no quiero molestar a mi médico, ¿dejo las pastillas por la terapia craneosacral?').topics).toContain(
      'medical-advice',
    );
  });
});

describe('handing over, in more words', () => {
  it.each([
    'can a person take over?',
    'hand me over to your team',
    '¿puedo hablar con alguno de ustedes?',
    '¿me pasan con soporte?',
    'passez-moi le support',
    "est-ce qu'une personne peut reprendre la conversation ?",
  ])('%j hands off', (text) => {
    expect(understand(text).command).toBe('handoff');
  });

  it('a practitioner taking over a session is no request for a person', () => {
    expect(understand('does the practitioner take over the session?').command).toBeUndefined();
  });
});
