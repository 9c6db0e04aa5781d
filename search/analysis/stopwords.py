"""Small curated stopword lists: words too common to tell records apart.

Kept short on purpose: a word dropped here can never be searched for. The Ukrainian list holds
conjunctions, prepositions, particles, pronouns and forms of "бути"; the English one the
usual function words, including AND, OR and NOT (query syntax is plain words here). Their
national-standard transliterations are stopwords too: a Latin query "pysanky z Kyieva" must not
require a "z" that no record ever indexes.
"""

from .transliteration import transliterate

_UKRAINIAN = """
    а або аж але б без би біля бо був була були було бути в вам вас ви від він вона вони воно
    все всі де для до є ж же з за зі із і й їй їм їх її його йому лише між мене мені ми на над
    нам нас не неї нього ні ним них о об от по під при про та так також там те тим тих ті то
    тобто той ту тут у хоча це цей ці цим цих цієї цього цю ця чи що щоб я як яка яке які який
    якщо
"""
UKRAINIAN = frozenset(_UKRAINIAN.split())

_ENGLISH = """
    a an and are as at be been but by for from had has have he her his i if in into is it its
    not of on or she so than that the their them then there these they this those to was were
    which who will with
"""
ENGLISH = frozenset(_ENGLISH.split())

STOPWORDS = UKRAINIAN | ENGLISH | {transliterate(word).lower() for word in UKRAINIAN}
