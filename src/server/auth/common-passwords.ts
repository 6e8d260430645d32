// The deny list for editors' passwords (NCSC guidance: refuse the most common passwords rather
// than impose composition rules). Two lists, both lower-case:
//  - COMMON_PASSWORDS: whole passwords that appear at the top of breached-password lists,
//    including the long ones that would pass a 12-character minimum.
//  - COMMON_WORDS: the words at the heart of common passwords. A password is refused when, once
//    digits and symbols at either end are removed and "leet" spelling is undone, it is one of
//    these ("Password2026!", "P@ssw0rd123456", "September2026" are all refused).
// Both are short on purpose: a few hundred entries catch most real-world guessing, and the
// throttling of sign-in attempts (src/server/auth/throttle.ts) deals with the rest.

export const COMMON_PASSWORDS: readonly string[] = `
123456 password 123456789 12345678 12345 qwerty 1234567 111111 123123 abc123 1234567890 password1
iloveyou 1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 123321
qwertyuiop superman asdfghjkl trustno1 football baseball welcome shadow master michael jennifer
jordan hunter ashley buster soccer harley batman andrew tigger charlie robert thomas hockey ranger
daniel starwars 112233 george computer michelle jessica pepper zxcvbnm 555555 131313 freedom 777777
maggie 159753 aaaaaa ginger joshua cheese amanda summer love nicole chelsea matthew access yankees
987654321 dallas austin thunder taylor matrix william corvette hello martin heather secret merlin
diamond 1234qwer hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet
scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken
sparky snoopy maverick phoenix camaro peanut morgan welcome1 falcon cowboy ferrari samsung andrea
smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster
tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple banana junior
hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 coffee scooby miller
boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player
nikita knight fender barney midnight please brandy chicago badboy slayer rangers charles angel
flower rabbit wizard jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e jasmine
winter prince marine fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf
crystal 87654321 12344321 golf pokemon liverpool manchester qazwsx 1qaz2wsx 1qazxsw2 zxcvbn asdf
passw0rd p@ssw0rd p@ssword admin administrator root toor changeme default guest login abcd1234
abcdef abcdefg abcdefgh 1a2b3c4d a1b2c3d4 aa123456 qwe123 qwertyu 123qwe 123abc 1234abcd iloveu
loveme lovely babygirl princess1 football1 baseball1 monkey1 charlie1 shadow1 master1 superman1
sunshine1 michael1 jordan23 letmein1 trustno1 blink182 myspace1 password12 password123
password1234 password12345 password123456 passwordpassword qwerty123456 qwerty1234 qwertyuiop123
qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1q2w3e4r5t 1q2w3e4r5t6y
q1w2e3r4t5y6 zaq12wsxcde3 zaq1zaq1 zaq1xsw2 1234567891 12345678910 123456789012 1234567890123
12345678901234 123456789a 123456789q 0123456789 9876543210 0987654321 147258369 147852369 741852963
159357 1111111111 111111111111 000000000000 123123123123 121212121212 aaaaaaaaaaaa abcdefghijkl
abcdefghijklmnopqrstuvwxyz abc123456789 iloveyou1234 iloveyou123 iloveyouforever ilovemyfamily
ilovemymom letmeinletmein trustno1trustno1 administrator1 welcome12345 welcome123 welcome2026
changeme123 changeme1234 football1234 monkey123456 superman1234 princess1234 baseball1234
sunshine1234 starwars1234 michael12345 manchesterunited chelseafc arsenalfc liverpoolfc
unitedkingdom greatbritain england london2012 london123456 government civilservice
correcthorsebatterystaple thequickbrownfox letmein123456 whatever1234 computer1234 internet1234
spring2026 summer2026 autumn2026 winter2026 january2026 roadmaptracker roadmap2026 gdsgdsgdsgds
`
  .split(/\s+/)
  .filter(Boolean);

export const COMMON_WORDS: readonly string[] = `
password passwort passwd pass qwerty qwertyuiop qwertz azerty asdf asdfgh asdfghjkl zxcvbn zxcvbnm
letmein welcome iloveyou loveyou admin administrator root changeme default login guest secret
monkey dragon football soccer baseball basketball hockey sunshine princess superman batman spiderman
trustno master shadow michael starwars pokemon minecraft liverpool chelsea arsenal tottenham
manchester manchesterunited united london england britain scotland wales ireland
january february march april may june july august september october november december
spring summer autumn winter monday tuesday wednesday thursday friday saturday sunday
hello whatever freedom computer internet access letme iloveu love lovely angel flower
charlie jordan hunter ashley thomas daniel robert george jessica jennifer michelle william
abc abcd abcdef abcdefg abcdefgh test testing tester user username temp temporary
government civilservice civil service digital gds gdsgds roadmap roadmaptracker tracker
qazwsx zaqxsw qweasd qweasdzxc
`
  .split(/\s+/)
  .filter(Boolean);
