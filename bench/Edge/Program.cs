using TicketPlatform.Bench;

// The side-by-side bench's own parts (bench/run.sh drives them):
//   reference <url> <sqlite-file> [ticket numbers...]   the minimal app: GET /json; POST /tx (the message transaction on SQLite)
//   load <url> <token|-> <GET|POST> <path> <concurrency> <warm-up-s> <seconds> [json-body]
//                                                         closed-loop load; {t} in the path cycles over BENCH_TICKETS
//   gapless <url> <token> <number>                       checks a ticket's event seq is 1..n without gaps
//   fanout <url> <tokens-file> <number> <warm-up-messages> <messages> <per-second> [second-url]
//                                                         P6: K hub connections in one room, W then M messages posted at R/s
//   activate <url> <token> <numbers-file> <concurrency>  reads each ticket of the file once, so its grain is active
return args switch
{
    ["reference", var url, var file, ..] => await ReferenceApp.Run(url, file),
    ["load", var url, var token, var method, var path, var concurrency, var warmUp, var seconds, .. var body] =>
        await ClosedLoad.Run(url, token, method, path, int.Parse(concurrency), double.Parse(warmUp), double.Parse(seconds), body.FirstOrDefault()),
    ["gapless", var url, var token, var number] => await Gapless.Run(url, token, number),
    ["fanout", var url, var tokens, var number, var warmUp, var messages, var rate, .. var more] =>
        await FanOut.Run(url, tokens, number, int.Parse(warmUp), int.Parse(messages), double.Parse(rate), more.FirstOrDefault()),
    ["activate", var url, var token, var numbers, var concurrency] => await Activate.Run(url, token, numbers, int.Parse(concurrency)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("See bench/README.md and the comment at the top of bench/Edge/Program.cs.");
    return 2;
}
